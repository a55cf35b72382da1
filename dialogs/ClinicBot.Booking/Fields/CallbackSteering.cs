using ClinicBot.Booking.Understanding;
using ClinicBot.Booking.Texts;
using ClinicBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Says why a wished callback time can't be booked (weekend, evening, too soon...) in the clinic's terms, with the
/// nearest open slots as buttons: for a re-ask at the time question, and for a time given before it.
/// </summary>
public sealed class CallbackSteering
{
    private readonly CallbackWindow _window;
    private readonly CallbackTimeRecognizer _times;
    private readonly BookingTexts _texts;
    private readonly TimeProvider _clock;

    public CallbackSteering(CallbackWindow window, BookingTexts texts, TimeProvider clock)
    {
        _window = window;
        _times = new CallbackTimeRecognizer(window);
        _texts = texts;
        _clock = clock;
    }

    /// <summary>The open slots to offer (at most three) for a reading whose time could not be booked.</summary>
    public List<OfferedSlot> SlotsFor(BookingAnswer reading) =>
        reading.Alternatives.Take(3).Select(t => new OfferedSlot(CallbackFormat.Label(t, _window.TimeZone), t)).ToList();

    /// <summary>The re-ask: why, and the slots as buttons.</summary>
    public Activity Message(BookingAnswer reading, IReadOnlyList<OfferedSlot> slots)
    {
        var reason = Reason(reading);
        var text = slots.Count == 0 && reason is not ("default" or "ZoneUnknown")
            ? _texts.Get("reaskCallbackNoSlots")
            : _texts.Reask("reaskCallback", reason);
        if (ClosedDayNote(reading, reason) is { } note)
        {
            text = note + " " + text;
        }

        var reply = MessageFactory.Text(text);
        if (slots.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = slots.Select(s => new CardAction(ActionTypes.ImBack, s.Label, value: s.Label)).ToList(),
            };
        }

        return reply;
    }

    /// <summary>
    /// Turns the time question into a steer for a time asked for earlier that the clinic can't call at (a Saturday
    /// in the first message); the offered slots go into the options' choices so a button maps back to its time.
    /// </summary>
    public void SteerEarlierWish(PromptOptions options, DateTimeOffset wish, DateTimeOffset now)
    {
        var result = _times.Recognize(BookingAnswerPrompt.ChoiceValue(wish), now);
        if (result.IsAccepted || result.Alternatives.Count == 0)
        {
            return;
        }

        var reading = new BookingAnswer { Step = BookingStep.CallbackTime, CallbackOutcome = result.Outcome, AskedTime = result.Time, Alternatives = result.Alternatives };
        var slots = SlotsFor(reading);
        options.Prompt = Message(reading, slots);
        options.Choices = slots.Select(s => new Choice(BookingAnswerPrompt.ChoiceValue(s.Time), s.Label)).ToList();
    }

    private string Reason(BookingAnswer answer)
    {
        switch (answer.CallbackOutcome)
        {
            case CallbackOutcome.InPast:
                return "Past";
            case CallbackOutcome.TooSoon:
                return "TooSoon";
            case CallbackOutcome.ZoneUnknown:
                return "ZoneUnknown";
            case CallbackOutcome.Holiday:
                return "Holiday";
            case CallbackOutcome.OutsideHours:
                break;
            default:
                return "default";
        }

        // Say why in the clinic's terms: the asked time is judged in the clinic's zone.
        return answer.AskedTime is { } asked ? ClosedReason(asked) : "Closed";
    }

    private string ClosedReason(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _window.TimeZone);
        if (!_window.Days.Contains(local.DayOfWeek))
        {
            return "Weekend";
        }

        if (_window.ClosedDates.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return "ClosedDate";
        }

        var clock = TimeOnly.FromDateTime(local.DateTime);
        if (clock < _window.Opens)
        {
            return "EarlyMorning";
        }

        return clock > _window.LastStart ? "Evening" : "Closed";
    }

    /// <summary>Why a day is out, said before the offered slots: a holiday (no holiday schedule on the page) or a closed date.</summary>
    private string? ClosedDayNote(BookingAnswer answer, string reason)
    {
        if (answer.AskedTime is not { } asked || reason is not ("Holiday" or "ClosedDate"))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(asked, _window.TimeZone);
        var thisYear = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), _window.TimeZone).Year == local.Year;
        var date = local.ToString(thisYear ? "dddd, MMMM d" : "dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return reason == "Holiday"
            ? _texts.Get("notes.holiday", new { holiday = answer.Holiday ?? string.Empty, date })
            : _texts.Get("notes.closedDate", new { date });
    }
}
