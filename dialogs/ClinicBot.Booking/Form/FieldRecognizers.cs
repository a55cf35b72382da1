using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Fields.Time;
using ClinicBot.Booking.Understanding;
using ClinicBot.Dialogs;

namespace ClinicBot.Booking.Form;

/// <summary>A message as a field reads it: its text, a card's data, the time now, the person's zone, the slots offered.</summary>
public sealed record FieldInput(string Text, object? Value, DateTimeOffset Now, string? UserZone, IReadOnlyList<OfferedSlot> Offered);

/// <summary>The value recognisers, one reading method per form field (<see cref="BookingForm"/> names which).</summary>
public sealed class FieldRecognizers
{
    private readonly NameRecognizer _names = new();
    private readonly PhoneRecognizer _phones = new();
    private readonly EmailRecognizer _emails = new();
    private readonly CallbackTimeRecognizer _times;
    private readonly SomeoneElseReader _someoneElse = new();

    public FieldRecognizers(CallbackWindow window)
    {
        _times = new CallbackTimeRecognizer(window);
    }

    public CallbackTimeRecognizer Times => _times;

    internal SomeoneElseReader SomeoneElse => _someoneElse;

    /// <summary>Who the call is for: "for my mom" (never asked; the person booking unless said).</summary>
    public void ReadCallFor(BookingAnswer reading, FieldInput input)
    {
        var said = _someoneElse.Read(input.Text);
        reading.CallFor = said.CallFor;
    }

    public void ReadName(BookingAnswer reading, FieldInput input)
    {
        var text = input.Text;

        // "whenever next week" at the name question is a time wish, not a name (the dialog says it noted it);
        // a capitalised name stays a name even when it is also a time word ("Monday Okafor", "June Park").
        var result = _names.Recognize(text);
        if (!(result.Succeeded && IsCapitalised(result.Value!)) && TimeExpressionParser.Parse(text, strict: true).HasPositiveContent)
        {
            reading.Problem = FieldProblem.NotAName;
            reading.TimeAtNameStep = true;
            return;
        }

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
            reading.Name = result.Value;
        }
        else
        {
            reading.Problem = result.Problem;
            if (result.Problem == FieldProblem.SingleName)
            {
                reading.SingleName = result.Value;
            }
        }
    }

    public void ReadPhone(BookingAnswer reading, FieldInput input)
    {
        var result = _phones.Recognize(input.Text);
        if (result.Succeeded)
        {
            reading.PhoneE164 = result.Value!.Value;
            reading.Notes.AddRange(ValueNotes.ForPhone(result.Value));
        }
        else
        {
            reading.Problem = result.Problem;
        }
    }

    public void ReadEmail(BookingAnswer reading, FieldInput input)
    {
        var result = _emails.Recognize(input.Text);
        if (result.Succeeded && result.Value is { Skipped: true })
        {
            reading.EmailSkipped = true;
        }
        else if (result.Succeeded && result.Value is { } email)
        {
            reading.Email = email.KeptAddress;
            reading.Notes.AddRange(ValueNotes.ForEmail(email));
        }
        else if (PlainDecline.Is(input.Text))
        {
            // "ok then no", after hearing that the email is optional.
            reading.EmailSkipped = true;
        }
        else
        {
            reading.Problem = result.Problem;
        }
    }

    public void ReadCallback(BookingAnswer reading, FieldInput input)
    {
        var picked = PickOffered(input.Text, input.Offered);
        if (picked is not null)
        {
            reading.Callback = picked.Time;
            reading.CallbackOutcome = CallbackOutcome.Accepted;
            return;
        }

        var result = _times.Recognize(input.Text, input.Now, input.UserZone);
        reading.CallbackOutcome = result.Outcome;
        reading.Alternatives = result.Alternatives;
        reading.AskedTime = result.IsAccepted ? null : result.Time;
        reading.Holiday = result.Holiday;
        if (result.IsAccepted && result.Time is { } time)
        {
            reading.Callback = time;
        }
        else if (result.Outcome == CallbackOutcome.NotUnderstood)
        {
            reading.Problem = FieldProblem.NotUnderstood;
        }
    }

    private static bool IsCapitalised(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => char.IsUpper(word[0]));

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
}
