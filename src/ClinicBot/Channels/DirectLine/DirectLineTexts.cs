using System.Text.Json;
using ClinicBot.Hosting;
using ClinicBot.Knowledge;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// What the channel itself says to visitors; the wording lives in directline-texts.json, the clinic's facts in it
/// ("{Phone}") are filled from clinic.json.
/// </summary>
public sealed record DirectLineTexts(string MessageTooLong, string ServiceUnreachable)
{
    /// <summary>The texts filled from the clinic's content next to the app (tools, tests).</summary>
    public static DirectLineTexts Load() => Load(DefaultClinicContent.Knowledge);

    public static DirectLineTexts Load(ClinicKnowledge knowledge)
    {
        var assembly = typeof(DirectLineTexts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("directline-texts.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var texts = JsonSerializer.Deserialize<DirectLineTexts>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("directline-texts.json is empty.");
        return new DirectLineTexts(knowledge.FillFacts(texts.MessageTooLong), knowledge.FillFacts(texts.ServiceUnreachable));
    }

    public string TooLong(int maxLength) => MessageTooLong.Replace("{max}", maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
