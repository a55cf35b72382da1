using System.Text.Json.Nodes;

namespace ClinicBot.Tests.Teams;

public class ManifestSchemaTests
{
    public static TheoryData<string> BrokenManifests => new()
    {
        "unknown top-level field",
        "short name of 31 characters",
        "eleven commands",
        "bot id that is not a GUID",
        "missing accentColor",
        "unknown bot scope",
    };

    [Fact]
    public void Rendered_manifest_is_valid_against_the_official_1_19_schema()
    {
        var errors = TeamsManifestSchema.Errors(ManifestTemplate.RenderSample());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void Schema_rejects_a_broken_manifest(string breakage)
    {
        var manifest = ManifestTemplate.RenderSample();
        Break(manifest, breakage);

        Assert.NotEmpty(TeamsManifestSchema.Errors(manifest));
    }

    private static void Break(JsonObject manifest, string breakage)
    {
        var bot = manifest["bots"]![0]!.AsObject();
        switch (breakage)
        {
            case "unknown top-level field":
                manifest["botName"] = "ClinicBot";
                break;
            case "short name of 31 characters":
                manifest["name"]!["short"] = new string('x', 31);
                break;
            case "eleven commands":
                var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
                while (commands.Count < 11)
                {
                    commands.Add(new JsonObject { ["title"] = $"Command {commands.Count}", ["description"] = "d" });
                }

                break;
            case "bot id that is not a GUID":
                bot["botId"] = "clinicbot";
                break;
            case "missing accentColor":
                manifest.Remove("accentColor");
                break;
            case "unknown bot scope":
                bot["scopes"]!.AsArray().Add("meetings");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
