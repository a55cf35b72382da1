using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Teams;

/// <summary>
/// The official Teams manifest schema v1.19, vendored under Teams/Schema (see NOTICE.md there).
/// It declares draft-04, which JsonSchema.Net lacks; it is evaluated as draft-07, which gives the same
/// results for the keywords it uses (no boolean exclusiveMinimum/Maximum, no "id" base URIs).
/// </summary>
public static class TeamsManifestSchema
{
    public const string ManifestVersion = "1.19";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static string SchemaPath => RepositoryRoot.Combine("tests", "ClinicBot.Functional.Tests", "Teams", "Schema", "MicrosoftTeams.v1.19.schema.json");

    /// <summary>Schema errors as "instance location: message" lines; empty when the manifest is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} (schema {d.EvaluationPath}): {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (the validator gave no details)"];
    }

    private static JsonSchema Load()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(schema.ToJsonString(), baseUri: new Uri("https://clinicbot.test/teams/v1.19/manifest.schema.json"));
    }
}
