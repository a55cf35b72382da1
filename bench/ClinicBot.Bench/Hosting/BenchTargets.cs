namespace ClinicBot.Bench.Hosting;

/// <summary>The four servers the benchmark compares, each started fresh in its own process.</summary>
public static class BenchTargets
{
    public const string ClinicBot = "clinicbot";
    public const string StockEcho = "stock-echo";
    public const string Bare = "bare";
    public const string ClinicBotDirectLine = "clinicbot-directline";

    public static ServerSpec For(string target, RepositoryLayout layout, string workFolder) => target switch
    {
        ClinicBot => ClinicBotSpec(target, layout, workFolder, []),

        // The local Direct Line channel limits requests per address and per conversation; one benchmark client
        // on one address is far above those limits by design, so they are raised for this process only.
        ClinicBotDirectLine => ClinicBotSpec(target, layout, workFolder,
        [
            "--DirectLine:RateLimits:RequestsPerAddress=100000000",
            "--DirectLine:RateLimits:ConversationsPerAddress=100000000",
            "--DirectLine:RateLimits:MessagesPerConversation=100000000",
            "--DirectLine:RateLimits:ReadsPerConversation=100000000",
        ]),

        StockEcho => new ServerSpec(target, layout.StockEchoBotDll, [], new Dictionary<string, string>(), "/", ReadyNeedsSuccess: false),
        Bare => new ServerSpec(target, layout.BareEndpointDll, [], new Dictionary<string, string>(), "/", ReadyNeedsSuccess: false),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown target."),
    };

    private static ServerSpec ClinicBotSpec(string target, RepositoryLayout layout, string workFolder, string[] extraArguments)
    {
        var database = Path.Combine(workFolder, $"{target}-{Guid.NewGuid():N}.db");
        // Anonymous, replying to the benchmark's loopback sink; no daily booking cap (one client address books many calls).
        return new ServerSpec(
            target,
            layout.ClinicBotDll,
            [$"--Storage:SqlitePath={database}", "--Bot:AllowAnonymous=true", "--Bot:AnonymousReplyHosts=loopback", "--Abuse:BookingsPerClientPerDay=0", .. extraArguments],
            new Dictionary<string, string>(),
            "/health/ready",
            ReadyNeedsSuccess: true);
    }
}
