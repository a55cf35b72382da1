using ClinicBot.Booking.Fields;
using ClinicBot.Dialogs;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Booking.Understanding;

/// <summary>A callback slot offered as a button: its text (what the button sends back) and the time it stands for.</summary>
public sealed record OfferedSlot(string Label, DateTimeOffset Time);

/// <summary>
/// Reads one booking message with the field recognisers: the asked field first, then whatever else the
/// message carries (BookingFieldExtractor), so a message with several fields fills them all.
/// </summary>
public sealed class BookingMessageReader
{
    private readonly NameRecognizer _names = new();
    private readonly PhoneRecognizer _phones = new();
    private readonly EmailRecognizer _emails = new();
    private readonly CallbackTimeRecognizer _times;
    private readonly TimeZoneInfo _clinicZone;
    private readonly ConfirmationRecognizer _confirmations = new();
    private readonly BookingFieldExtractor _extractor;

    public BookingMessageReader()
        : this(CallbackWindow.ClinicDefault)
    {
    }

    public BookingMessageReader(CallbackWindow window)
    {
        _times = new CallbackTimeRecognizer(window);
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

        switch (step)
        {
            case BookingStep.Name:
                ReadName(answer, text);
                break;
            case BookingStep.Phone:
                ReadPhone(answer, text);
                break;
            case BookingStep.Email:
                ReadEmail(answer, text);
                break;
            case BookingStep.CallbackTime:
                ReadCallback(answer, text, now, userZone, offered);
                break;
            case BookingStep.ChooseFieldToChange:
                answer.FieldToChange = FieldNamed(text);
                break;
            case BookingStep.Confirm:
                ReadConfirmation(answer, text, value, now, userZone);
                break;
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
        var answer = new BookingAnswer { Step = BookingStep.Name };
        if (!string.IsNullOrWhiteSpace(text))
        {
            AddOtherFields(answer, text, now, userZone);
        }

        return answer;
    }

    private void ReadName(BookingAnswer answer, string text)
    {
        var result = _names.Recognize(text);
        if (!result.Succeeded && LastClause(text) is { } lastClause)
        {
            // "actually use my full name, Christopher Young": the name is the last clause.
            var retry = _names.Recognize(lastClause);
            if (retry.Succeeded)
            {
                result = retry;
            }
        }
        if (result.Succeeded)
        {
            answer.Name = result.Value;
        }
        else
        {
            answer.Problem = result.Problem;
            if (result.Problem == FieldProblem.SingleName)
            {
                answer.SingleName = result.Value;
            }
        }
    }

    private void ReadPhone(BookingAnswer answer, string text)
    {
        var result = _phones.Recognize(text);
        if (result.Succeeded)
        {
            answer.PhoneE164 = result.Value!.Value;
            answer.Notes.AddRange(ValueNotes.ForPhone(result.Value));
        }
        else
        {
            answer.Problem = result.Problem;
        }
    }

    private void ReadEmail(BookingAnswer answer, string text)
    {
        var result = _emails.Recognize(text);
        if (!result.Succeeded || result.Value is null)
        {
            answer.Problem = result.Problem;
        }
        else if (result.Value.Skipped)
        {
            answer.EmailSkipped = true;
        }
        else
        {
            answer.Email = result.Value.KeptAddress;
            answer.Notes.AddRange(ValueNotes.ForEmail(result.Value));
        }
    }

    private void ReadCallback(BookingAnswer answer, string text, DateTimeOffset now, string? userZone, IReadOnlyList<OfferedSlot> offered)
    {
        var picked = PickOffered(text, offered);
        if (picked is not null)
        {
            answer.Callback = picked.Time;
            answer.CallbackOutcome = Fields.CallbackOutcome.Accepted;
            return;
        }

        var result = _times.Recognize(text, now, userZone);
        answer.CallbackOutcome = result.Outcome;
        answer.Alternatives = result.Alternatives;
        answer.AskedTime = result.IsAccepted ? null : result.Time;
        answer.Holiday = result.Holiday;
        if (result.IsAccepted && result.Time is { } time)
        {
            answer.Callback = time;
        }
        else if (result.Outcome == Fields.CallbackOutcome.NotUnderstood)
        {
            answer.Problem = FieldProblem.NotUnderstood;
        }
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
            var newValue = Read(StepFor(field), result.NewValueText, null, now, userZone, Array.Empty<OfferedSlot>());
            CopyFieldValues(newValue, answer);
        }
    }

    private static BookingStep StepFor(BookingField field) => field switch
    {
        BookingField.Name => BookingStep.Name,
        BookingField.Phone => BookingStep.Phone,
        BookingField.Email => BookingStep.Email,
        _ => BookingStep.CallbackTime,
    };

    private static void CopyFieldValues(BookingAnswer from, BookingAnswer to)
    {
        to.Name ??= from.Name;
        to.PhoneE164 ??= from.PhoneE164;
        to.Email ??= from.Email;
        to.EmailSkipped |= from.EmailSkipped;
        to.Callback ??= from.Callback;
        to.Notes.AddRange(from.Notes);
    }

    /// <summary>Other fields in the same message ("I'm Ana Ruiz, 832-555-0100, tuesday 10am", or a correction).</summary>
    private void AddOtherFields(BookingAnswer answer, string text, DateTimeOffset now, string? userZone)
    {
        var extracted = _extractor.Extract(text, now, userZone);
        answer.Name ??= extracted.Name;
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

        if (answer.Callback is null && extracted.Callback is { IsAccepted: true, Time: { } time })
        {
            answer.Callback = time;
        }
        else if (answer.Callback is null && answer.Step != BookingStep.CallbackTime && extracted.Callback is { IsAccepted: false } unbooked)
        {
            answer.Notes.AddRange(ValueNotes.ForUnbookedTime(unbooked, _clinicZone));
        }
    }

    private static string? LastClause(string text)
    {
        var clauses = text.Split(new[] { ',', ';', ':' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return clauses.Length > 1 ? clauses[^1] : null;
    }

    private static OfferedSlot? PickOffered(string text, IReadOnlyList<OfferedSlot> offered)
    {
        if (offered.Count == 0)
        {
            return null;
        }

        var choices = offered.Select(o => new Choice(o.Label)).ToList();
        var found = ChoicePrompt.Match(text, choices);
        return found is null ? null : offered[found.Index];
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
