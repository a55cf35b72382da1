using System.IO.Compression;
using System.Text.Json.Nodes;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

public sealed class TeamsPackageScriptTests : IDisposable
{
    private const string BotId = "7d0c2b8e-4f1a-4c3d-8e5f-9a0b1c2d3e4f";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("clinicbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_outputDirectory, recursive: true);

    [FactWhenToolsExist("bash", "zip|python3")]
    public async Task Builds_a_zip_with_manifest_and_icons_at_its_root_and_every_placeholder_filled()
    {
        var zipPath = Path.Combine(_outputDirectory, "package.zip");
        var result = await RunScriptAsync([BotId, "2.3.4", zipPath], new Dictionary<string, string?>
        {
            ["TEAMS_WEBSITE_URL"] = "https://clinic.example.com/",
            ["TEAMS_PRIVACY_URL"] = "https://clinic.example.com/privacy?lang=en&v=2",
            ["TEAMS_TERMS_URL"] = "https://clinic.example.com/terms",
            ["TEAMS_VALID_DOMAIN"] = "clinicbot.example.net",
        });

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.DoesNotContain("WARNING", result.StandardError);
        Assert.Equal(zipPath, result.StandardOutput.Trim());

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        AssertSameBytes(zip, "color.png");
        AssertSameBytes(zip, "outline.png");

        var text = ReadEntry(zip, "manifest.json");
        Assert.DoesNotContain("${{", text);
        var manifest = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(BotId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal("https://clinic.example.com/privacy?lang=en&v=2", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal(["clinicbot.example.net"], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        var schemaErrors = TeamsManifestSchema.Errors(manifest);
        Assert.True(schemaErrors.Count == 0, string.Join(Environment.NewLine, schemaErrors));
    }

    [FactWhenToolsExist("bash", "zip|python3")]
    public async Task Warns_about_placeholder_urls_and_leaves_valid_domains_empty_when_they_are_not_set()
    {
        var zipPath = Path.Combine(_outputDirectory, "defaults.zip");
        var appId = "0a1b2c3d-0000-4000-8000-000000000001";
        var result = await RunScriptAsync([BotId, "1.0.0", zipPath], new Dictionary<string, string?> { ["TEAMS_APP_ID"] = appId });

        Assert.True(result.ExitCode == 0, result.StandardError);
        foreach (var name in new[] { "TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL" })
        {
            Assert.Contains($"WARNING: {name}", result.StandardError);
        }

        using var zip = ZipFile.OpenRead(zipPath);
        var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!.AsObject();
        Assert.Equal(appId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.StartsWith("https://example.org/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Empty(manifest["validDomains"]!.AsArray());
        var schemaErrors = TeamsManifestSchema.Errors(manifest);
        Assert.True(schemaErrors.Count == 0, string.Join(Environment.NewLine, schemaErrors));
    }

    [FactWhenToolsExist("bash")]
    public async Task Rejects_bad_input_with_a_clear_message_and_writes_no_zip()
    {
        var cases = new (string[] Args, Dictionary<string, string?> Env, string Expected)[]
        {
            (["not-a-guid", "1.0.0"], [], "BOT_ID must be a GUID"),
            ([BotId, "1.0"], [], "VERSION must be MAJOR.MINOR.PATCH"),
            ([BotId, "1.0.0-beta"], [], "VERSION must be MAJOR.MINOR.PATCH"),
            ([BotId, "1.0.0"], new() { ["TEAMS_PRIVACY_URL"] = "http://clinic.example.com/privacy" }, "TEAMS_PRIVACY_URL must be an https URL"),
            ([BotId, "1.0.0"], new() { ["TEAMS_VALID_DOMAIN"] = "https://clinic.example.com/" }, "TEAMS_VALID_DOMAIN must be a host name"),
            ([BotId], [], "tools/teams-package.sh BOT_ID VERSION"),
        };

        foreach (var (args, env, expected) in cases)
        {
            var zipPath = Path.Combine(_outputDirectory, "rejected.zip");
            var result = await RunScriptAsync([.. args, .. args.Length == 2 ? new[] { zipPath } : []], env);

            Assert.True(result.ExitCode != 0, $"accepted {string.Join(' ', args)}");
            Assert.Contains(expected, result.StandardError);
            Assert.False(File.Exists(zipPath), $"wrote a zip for {string.Join(' ', args)}");
        }
    }

    private static Task<ExternalTools.ProcessResult> RunScriptAsync(string[] arguments, Dictionary<string, string?> environment)
    {
        var env = new Dictionary<string, string?>
        {
            // Start from a clean slate whatever the developer's shell has set.
            ["TEAMS_APP_ID"] = null,
            ["TEAMS_WEBSITE_URL"] = null,
            ["TEAMS_PRIVACY_URL"] = null,
            ["TEAMS_TERMS_URL"] = null,
            ["TEAMS_VALID_DOMAIN"] = null,
        };
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        return ExternalTools.RunAsync("bash", [RepositoryRoot.Combine("tools", "teams-package.sh"), .. arguments], env, Timeout);
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void AssertSameBytes(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ManifestTemplate.AppPackageDirectory, name)), copy.ToArray());
    }
}
