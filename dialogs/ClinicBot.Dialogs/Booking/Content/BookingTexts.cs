using System.Text.RegularExpressions;
using ClinicBot.Dialogs.Booking.Fields;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Dialogs.Booking.Content;

/// <summary>
/// The booking dialog's user-facing texts, read from the data file Booking/Content/booking-prompts.json
/// (an embedded resource clinic staff can edit). Placeholders look like {name}.
/// </summary>
public sealed partial class BookingTexts
{
    private const string ResourceName = "ClinicBot.Dialogs.Booking.Content.booking-prompts.json";
    private readonly JObject _texts;

    public BookingTexts(JObject texts)
    {
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));
    }

    public static BookingTexts Default { get; } = LoadEmbedded();

    public JObject Raw => _texts;

    public string Get(string key, object? values = null)
    {
        var template = (string?)_texts.SelectToken(key)
            ?? throw new KeyNotFoundException($"The booking text '{key}' is missing from booking-prompts.json.");
        return Fill(template, values);
    }

    /// <summary>The precise re-ask for a field problem ("reaskPhone" + "WrongDigitCount"), else that field's default re-ask.</summary>
    public string Reask(string groupKey, string problem, object? values = null)
    {
        var group = _texts[groupKey] as JObject
            ?? throw new KeyNotFoundException($"The booking text group '{groupKey}' is missing from booking-prompts.json.");
        var template = (string?)group[problem] ?? (string?)group["default"] ?? string.Empty;
        return Fill(template, values);
    }

    public string Reask(string groupKey, FieldProblem problem, object? values = null) => Reask(groupKey, problem.ToString(), values);

    private static string Fill(string template, object? values)
    {
        if (values is null)
        {
            return template;
        }

        var lookup = JObject.FromObject(values);
        return Placeholder().Replace(template, m => (string?)lookup[m.Groups[1].Value] ?? m.Value);
    }

    private static BookingTexts LoadEmbedded()
    {
        using var stream = typeof(BookingTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} not found.");
        using var reader = new StreamReader(stream);
        return new BookingTexts(JObject.Parse(reader.ReadToEnd()));
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
