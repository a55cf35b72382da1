using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;
using ClinicBot.Knowledge;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Booking.Texts;

/// <summary>
/// The booking dialog's user-facing texts (Content/booking-prompts.json, placeholders like {name}) and its
/// confirmation card template (Content/cards/confirmation.json): data files clinic staff can edit.
/// </summary>
public sealed class BookingTexts
{
    public const string PromptsFile = "booking-prompts.json";
    public const string ConfirmationCardFile = "cards/confirmation.json";

    private readonly JObject _texts;
    private readonly IReadOnlyDictionary<string, string> _clinic;

    /// <param name="clinic">The clinic's facts as the texts word them (<see cref="ClinicWording"/>).</param>
    public BookingTexts(JObject texts, CardTemplate confirmationCard, IReadOnlyDictionary<string, string>? clinic = null)
    {
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));
        ConfirmationCard = confirmationCard ?? throw new ArgumentNullException(nameof(confirmationCard));
        _clinic = clinic ?? new Dictionary<string, string>();
    }

    /// <summary>The texts built into the assembly, worded with the built-in clinic facts.</summary>
    public static BookingTexts Default { get; } = Load(BookingContent.Embedded).WithClinic(BuiltInClinic.Facts, CallbackWindow.ClinicDefault);

    /// <summary>These texts with the clinic's phone, call days and hours, zone and town filled in.</summary>
    public BookingTexts WithClinic(ClinicFacts facts, CallbackWindow window) =>
        new(_texts, ConfirmationCard, ClinicWording.Values(facts, window));

    public JObject Raw => _texts;

    public CardTemplate ConfirmationCard { get; }

    /// <summary>From Content/booking/ next to the app; the embedded copy when a file there is missing or broken (said in <paramref name="warnings"/>).</summary>
    public static BookingTexts LoadDefault(ICollection<string> warnings) =>
        ContentWithFallback.Load(BookingContent.DefaultFolder, BookingContent.Embedded, Load, warnings);

    /// <summary>Reads both files; throws <see cref="InvalidDataException"/> when one is broken.</summary>
    public static BookingTexts Load(IContentSource source)
    {
        JObject texts;
        try
        {
            texts = JObject.Parse(source.ReadText(PromptsFile));
        }
        catch (JsonReaderException ex)
        {
            throw new InvalidDataException($"Content file '{PromptsFile}' is not valid: {ex.Message}", ex);
        }
        return new BookingTexts(texts, new CardTemplate(source.ReadText(ConfirmationCardFile)));
    }

    /// <summary>True when booking-prompts.json has a text at <paramref name="key"/> (e.g. "bookingQuestions.why.Email").</summary>
    public bool Has(string key) => _texts.SelectToken(key) is JValue { Type: JTokenType.String };

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

    private string Fill(string template, object? values)
    {
        var lookup = values is null ? null : JObject.FromObject(values);
        return Placeholders.Fill(template, name => (string?)lookup?[name] ?? _clinic.GetValueOrDefault(name));
    }
}
