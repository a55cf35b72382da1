using System.Text.RegularExpressions;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Form;
using ClinicBot.Dialogs;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Booking.Understanding;

/// <summary>A callback slot offered as a button: its text (what the button sends back) and the time it stands for.</summary>
public sealed record OfferedSlot(string Label, DateTimeOffset Time);

/// <summary>
/// Reads one booking message: the asked field with that field's recogniser (<see cref="BookingForm"/>), then
/// whatever else the message carries (BookingFieldExtractor, names in comma-separated details, who the call
/// is for), so a message with several fields fills them all.
/// </summary>
public sealed partial class BookingMessageReader
{
    private readonly FieldRecognizers _fields;
    private readonly TimeZoneInfo _clinicZone;
    private readonly ConfirmationRecognizer _confirmations = new();
    private readonly NameRecognizer _names = new();
    private readonly BookingFieldExtractor _extractor;

    public BookingMessageReader()
        : this(CallbackWindow.ClinicDefault)
    {
    }

    public BookingMessageReader(CallbackWindow window)
    {
        _fields = new FieldRecognizers(window);
        _clinicZone = window.TimeZone;
        _extractor = new BookingFieldExtractor(window);
    }

    /// <param name="step">The question that is pending.</param>
    /// <param name="text">The message text (may be empty for a card submit).</param>
    /// <param name="value">The activity's Value (a card submit's data), if any.</param>
    /// <param name="now">The current time.</param>
    /// <param name="userZone">The person's time zone id (activity.LocalTimezone) when the channel gave it.</param>
    /// <param name="offered">Slots offered as buttons on the previous re-ask.</param>
    public BookingAnswer Read(BookingStep step, string? text, object? value, DateTimeOffset now, string? userZone, IReadOnlyList<OfferedSlot> offered)
    {
        var answer = new BookingAnswer { Step = step };
        text ??= string.Empty;
        var input = new FieldInput(text, value, now, userZone, offered);

        if (BookingForm.For(step) is { } field)
        {
            field.Read(_fields, answer, input);
        }
        else if (step == BookingStep.ChooseFieldToChange)
        {
            answer.FieldToChange = FieldNamed(text);
        }
        else if (step == BookingStep.Confirm)
        {
            ReadConfirmation(answer, text, value, now, userZone);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            AddOtherFields(answer, text, now, userZone);
        }

        return answer;
    }

    /// <summary>Reads every field a free message carries (used on the message that started the booking).</summary>
    public BookingAnswer ReadAll(string? text, DateTimeOffset now, string? userZone)
    {
        var answer = new BookingAnswer { Step = BookingStep.CallFor };
        if (!string.IsNullOrWhiteSpace(text))
        {
            AddOtherFields(answer, text, now, userZone);
        }

        return answer;
    }

    private void ReadConfirmation(BookingAnswer answer, string text, object? value, DateTimeOffset now, string? userZone)
    {
        var submitted = SubmittedAction(value);
        if (submitted != ConfirmationAction.None)
        {
            answer.Confirmation = submitted;
            return;
        }

        var result = _confirmations.Recognize(text);
        answer.Confirmation = result.Kind switch
        {
            ConfirmationKind.Confirm => ConfirmationAction.Confirm,
            ConfirmationKind.Change => ConfirmationAction.Change,

            // "No" only means "not confirmed": the person is asked what to change (cancel is a command of its own).
            ConfirmationKind.Reject => ConfirmationAction.Change,
            _ => ConfirmationAction.None,
        };

        if (result.Kind != ConfirmationKind.Change)
        {
            return;
        }

        answer.FieldToChange = result.Field;
        if (result.Field is { } field && !string.IsNullOrWhiteSpace(result.NewValueText))
        {
            // "actually make it friday 2pm": read the new value with that field's recogniser.
            var newValue = Read(BookingForm.For(field).Step, result.NewValueText, null, now, userZone, Array.Empty<OfferedSlot>());
            CopyFieldValues(newValue, answer);
        }
    }

    private static void CopyFieldValues(BookingAnswer from, BookingAnswer to)
    {
        to.Name ??= from.Name;
        to.PhoneE164 ??= from.PhoneE164;
        to.Email ??= from.Email;
        to.EmailSkipped |= from.EmailSkipped;
        to.Callback ??= from.Callback;
        to.Notes.AddRange(from.Notes);
    }

    /// <summary>Other fields in the same message ("I'm Ana Ruiz, 832-555-0100, tuesday 10am", a correction, "for my mom").</summary>
    private void AddOtherFields(BookingAnswer answer, string text, DateTimeOffset now, string? userZone)
    {
        var extracted = _extractor.Extract(text, now, userZone);
        var foundContact = extracted.Phone is not null || extracted.Email is { Skipped: false };
        answer.Name ??= extracted.Name ?? (foundContact ? NameSegment(text) : null);
        if (answer.PhoneE164 is null && extracted.Phone is { } phone)
        {
            answer.PhoneE164 = phone.Value;
            answer.Notes.AddRange(ValueNotes.ForPhone(phone));
        }

        if (answer.Email is null && extracted.Email is { Skipped: false, KeptAddress: { } address } email)
        {
            answer.Email = address;
            answer.Notes.AddRange(ValueNotes.ForEmail(email));
        }
        else if (answer.Email is null && extracted.Email is { Skipped: true })
        {
            // "no email" / "sin correo" among the other details.
            answer.EmailSkipped = true;
        }

        if (answer.Callback is null && extracted.Callback is { IsAccepted: true, Time: { } time })
        {
            answer.Callback = time;
        }
        else if (answer.Callback is null && answer.Step != BookingStep.CallbackTime
            && extracted.Callback is { Outcome: CallbackOutcome.OutsideHours or CallbackOutcome.TooSoon, Time: { } wished })
        {
            // "Saturday at 10" before the time question: offered the nearest open times when it is asked.
            answer.CallbackWish = wished;
        }
        else if (answer.Callback is null && answer.Step != BookingStep.CallbackTime && extracted.Callback is { IsAccepted: false, Outcome: CallbackOutcome.Holiday } holiday)
        {
            answer.Notes.AddRange(ValueNotes.ForUnbookedTime(holiday, _clinicZone));
        }

        var someoneElse = _fields.SomeoneElse.Read(text);
        answer.CallFor ??= someoneElse.CallFor;
        answer.BookerName = someoneElse.BookerName;
        if (someoneElse.TheirName is { } theirs)
        {
            answer.Name = theirs;
            answer.NameIsTheirs = true;
        }
        else if (someoneElse.CallFor is not null && answer.Name is not null && answer.Name == someoneElse.BookerName)
        {
            // "I'm Ana Díaz, I'd like to book a call for my mom": Ana is the booker, not the person to call.
            answer.Name = null;
        }
    }

    // Commas, semicolons, colons, line breaks, and a dash between spaces ("book me a call - Jorge Ibarra - 281 555 0107").
    [GeneratedRegex(@"[,;:\n]|\s[-–—]\s")]
    private static partial Regex SegmentBreak();

    // "book a call: Ana Ruiz, 832-555-0100, ana@example.com": a comma-separated part that is only a capitalised name.
    private string? NameSegment(string text)
    {
        foreach (var segment in SegmentBreak().Split(text).Select(s => s.Trim()))
        {
            var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 5 || !words.All(w => char.IsUpper(w[0])) || words.Any(w => NonNameWords.Contains(w.ToLowerInvariant())))
            {
                continue;
            }

            if (_names.Recognize(segment) is { Succeeded: true, Value: { } name })
            {
                return name;
            }
        }

        return null;
    }

    private static ConfirmationAction SubmittedAction(object? value)
    {
        if (value is null)
        {
            return ConfirmationAction.None;
        }

        var token = value as JToken ?? JToken.FromObject(value);
        var action = token is JObject obj ? (string?)obj["action"] : null;
        return action?.ToLowerInvariant() switch
        {
            "confirm" => ConfirmationAction.Confirm,
            "change" => ConfirmationAction.Change,
            "cancel" => ConfirmationAction.Cancel,
            _ => ConfirmationAction.None,
        };
    }

    /// <summary>Which field a reply like "the phone", "email please" or a button title names.</summary>
    private static BookingField? FieldNamed(string text)
    {
        var lowered = text.ToLowerInvariant();
        if (ContainsAny(lowered, "phone", "number", "cell", "telefono", "teléfono", "numero", "número"))
        {
            return BookingField.Phone;
        }

        if (ContainsAny(lowered, "email", "e-mail", "mail", "correo"))
        {
            return BookingField.Email;
        }

        if (ContainsAny(lowered, "time", "day", "date", "when", "hora", "dia", "día", "call time"))
        {
            return BookingField.CallbackTime;
        }

        if (ContainsAny(lowered, "name", "nombre"))
        {
            return BookingField.Name;
        }

        return null;
    }

    private static bool ContainsAny(string text, params string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
