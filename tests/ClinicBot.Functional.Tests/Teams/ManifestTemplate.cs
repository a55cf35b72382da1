using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

/// <summary>
/// appPackage/manifest.json is a template: tools/teams-package.sh replaces its ${{NAME}} placeholders.
/// Tests render it the same way with sample values to check the result as Teams would see it.
/// </summary>
public static partial class ManifestTemplate
{
    public const string SampleBotId = "0b6f5c1e-8d2a-4f3b-9c7e-1a2b3c4d5e6f";
    public const string SampleVersion = "1.4.2";

    public static readonly IReadOnlyDictionary<string, string> SampleValues = new Dictionary<string, string>
    {
        ["BOT_ID"] = SampleBotId,
        ["TEAMS_APP_ID"] = SampleBotId,
        ["APP_VERSION"] = SampleVersion,
        ["WEBSITE_URL"] = "https://clinic.example.com/",
        ["PRIVACY_URL"] = "https://clinic.example.com/privacy",
        ["TERMS_URL"] = "https://clinic.example.com/terms",
        ["BOT_DOMAIN"] = "clinicbot.example.net",
    };

    public static string AppPackageDirectory => RepositoryRoot.Combine("appPackage");

    public static string ReadTemplate() => File.ReadAllText(Path.Combine(AppPackageDirectory, "manifest.json"));

    public static IReadOnlySet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new KeyNotFoundException($"no value for placeholder {m.Value}"));

    public static JsonObject RenderSample() =>
        JsonNode.Parse(Render(ReadTemplate(), SampleValues))!.AsObject();

    [GeneratedRegex(@"\$\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex PlaceholderPattern();
}
