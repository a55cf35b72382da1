using System.Text.Json;

namespace ClinicBot.Channels.DirectLine;

/// <summary>What the channel itself says to visitors; the wording lives in directline-texts.json.</summary>
public sealed record DirectLineTexts(string MessageTooLong)
{
    public static DirectLineTexts Load()
    {
        var assembly = typeof(DirectLineTexts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("directline-texts.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<DirectLineTexts>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("directline-texts.json is empty.");
    }

    public string TooLong(int maxLength) => MessageTooLong.Replace("{max}", maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
