using System.Text.Json;

namespace ClinicBot.Analytics.Redaction;

/// <summary>The word lists of Content/redaction.json (staff may add to them); matching ignores case.</summary>
public sealed class RedactionRules
{
    public IReadOnlyList<string> NameIntroducers { get; init; } = [];

    public IReadOnlyList<string> Titles { get; init; } = [];

    public IReadOnlyList<string> NameStopWords { get; init; } = [];

    public IReadOnlyList<string> AllowedCapitalized { get; init; } = [];

    public IReadOnlyList<string> NumberWords { get; init; } = [];

    public IReadOnlyList<string> StreetSuffixes { get; init; } = [];

    public IReadOnlyList<string> UnitWords { get; init; } = [];

    public IReadOnlyList<string> EmailTopLevelDomains { get; init; } = [];

    public IReadOnlyList<string> Medications { get; init; } = [];

    public IReadOnlyList<string> MedicationSuffixes { get; init; } = [];

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public IReadOnlyList<string> HealthEvents { get; init; } = [];

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Content", "redaction.json");

    public static RedactionRules Load(string path)
    {
        using var stream = File.OpenRead(path);
        var rules = JsonSerializer.Deserialize<RedactionRules>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{Path.GetFileName(path)} is empty.");
        if (rules.NameIntroducers.Count == 0 || rules.NumberWords.Count == 0 || rules.Medications.Count == 0 || rules.Conditions.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} lacks one of its word lists.");
        }

        return rules;
    }
}
