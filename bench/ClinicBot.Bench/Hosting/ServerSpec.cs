namespace ClinicBot.Bench.Hosting;

/// <summary>How to start one server under test as its own process.</summary>
public sealed record ServerSpec(
    string Name,
    string DllPath,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string ReadyPath,
    bool ReadyNeedsSuccess);
