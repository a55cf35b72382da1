using System.Text.Json;

namespace ClinicBot.Train;

/// <summary>How model files are written: camelCase like the rest of the content, one property a line.</summary>
internal static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
}
