using ClinicBot.Booking.Fields;

namespace ClinicBot.Tests.Booking.Fields;

/// <summary>
/// A minimal stand-in for the booking dialog, used only to play scripted conversations through the real
/// recognizers: interruptions first (cancel), then the current question's recognizer; a reply that fails
/// it is re-asked, unless it corrects an earlier field ("actually use my cell instead, 713-555-0177").
/// </summary>
internal static class ConversationPlayer
{
    private enum Step
    {
        Name,
        Phone,
        Email,
        Time,
        Confirm,
        Done,
    }

    public sealed record Played(string Outcome, string? Name, string? PhoneE164, string? Email, DateTimeOffset? Callback);

    public static Played Play(IReadOnlyList<string> turns, DateTimeOffset now, CallbackWindow window)
    {
        var commands = new BookingCommandRecognizer();
        var names = new NameRecognizer();
        var phones = new PhoneRecognizer();
        var emails = new EmailRecognizer();
        var times = new CallbackTimeRecognizer(window);
        var confirmations = new ConfirmationRecognizer();
        var extractor = new BookingFieldExtractor(window);

        string? name = null, phone = null;
        EmailAnswer? email = null;
        DateTimeOffset? callback = null;

        var opening = extractor.Extract(turns[0], now);
        name = opening.Name;
        phone = opening.PhoneE164;
        email = opening.Email;
        callback = opening.Callback is { Outcome: CallbackOutcome.Accepted } c ? c.Time : null;

        Step NextStep() => name is null ? Step.Name : phone is null ? Step.Phone : email is null ? Step.Email : callback is null ? Step.Time : Step.Confirm;

        var step = NextStep();
        foreach (var turn in turns.Skip(1))
        {
            if (commands.Recognize(turn) == BookingCommand.Cancel)
            {
                return new Played("cancelled", name, phone, email?.Address, callback);
            }

            switch (step)
            {
                case Step.Name:
                    var nameResult = names.Recognize(turn);
                    if (nameResult.Succeeded) name = nameResult.Value;
                    break;
                case Step.Phone:
                    var phoneResult = phones.Recognize(turn);
                    if (phoneResult.Succeeded) phone = phoneResult.Value!.Value;
                    else ApplyCorrection(extractor.Extract(turn, now), ref name, ref phone);
                    break;
                case Step.Email:
                    var emailResult = emails.Recognize(turn);
                    if (emailResult.Succeeded) email = emailResult.Value;
                    else ApplyCorrection(extractor.Extract(turn, now), ref name, ref phone);
                    break;
                case Step.Time:
                    var timeResult = times.Recognize(turn, now);
                    if (timeResult.Outcome == CallbackOutcome.Accepted) callback = timeResult.Time;
                    break;
                case Step.Confirm:
                    var answer = confirmations.Recognize(turn);
                    if (answer.Kind == ConfirmationKind.Confirm)
                    {
                        return new Played("booked", name, phone, email?.Address, callback);
                    }

                    if (answer is { Kind: ConfirmationKind.Change, Field: BookingField.CallbackTime, NewValueText: { } newTime }
                        && times.Recognize(newTime, now) is { Outcome: CallbackOutcome.Accepted } changed)
                    {
                        callback = changed.Time;
                    }

                    break;
            }

            step = NextStep();
        }

        return new Played("needs_retry", name, phone, email?.Address, callback);
    }

    private static void ApplyCorrection(ExtractedBookingFields fields, ref string? name, ref string? phone)
    {
        name = fields.Name ?? name;
        phone = fields.PhoneE164 ?? phone;
    }
}
