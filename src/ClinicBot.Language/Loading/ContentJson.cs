using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicBot.Language.Loading;

/// <summary>Reads a JSON content file into its document shape; a broken file throws <see cref="InvalidDataException"/>.</summary>
public static class ContentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(IContentSource source, string relativePath)
    {
        var text = source.ReadText(relativePath);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new InvalidDataException($"Content file '{relativePath}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Content file '{relativePath}' is not valid: {ex.Message}", ex);
        }
    }
}
