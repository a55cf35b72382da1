using ClinicBot.Booking.Fields.Time;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Reads a preferred callback time from natural language ("tomorrow morning", "monday at 4", "asap",
/// "1pm pacific on thursday", "el martes en la mañana") and resolves it to a slot inside the clinic's
/// <see cref="CallbackWindow"/>, in the clinic's zone with daylight saving applied. Vague wishes map to a
/// concrete slot (morning → 10:00, afternoon → 14:00, asap → the earliest slot after the notice, on the half
/// hour); weekend, evening, early-morning and past wishes come back with up to three nearest open slots.
/// "My time" uses <c>userTimeZoneId</c> (the activity's LocalTimezone); without it the outcome is ZoneUnknown.
/// Times without a zone word are clinic time.
/// </summary>
public sealed class CallbackTimeRecognizer
{
    private readonly CallbackSlotResolver _resolver;
    private readonly CallbackWindow _window;

    public CallbackTimeRecognizer(CallbackWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
        _resolver = new CallbackSlotResolver(window);
    }

    /// <summary>
    /// Reads a callback wish. An ISO 8601 timestamp with an offset (as a card button or suggested action may
    /// send back, e.g. "2026-12-04T10:00:00-06:00") is taken as that exact moment.
    /// </summary>
    public CallbackTimeResult Recognize(string text, DateTimeOffset now, string? userTimeZoneId = null)
    {
        text ??= string.Empty;
        if (OfferedSlots.TryParseTimestamp(text, out var instant))
        {
            return _resolver.ResolveInstant(instant, now);
        }

        return Resolve(TimeExpressionParser.Parse(text), now, userTimeZoneId);
    }

    /// <summary>
    /// Which of the offered alternatives a reply picks: by position ("the first one", "option 2", "2"), by its
    /// timestamp, or by naming its day and/or time ("monday", "the 10am one", "friday at 10"). Null when the
    /// reply picks none of them unambiguously; the dialog can then run <see cref="Recognize"/> on it as a new wish.
    /// </summary>
    public DateTimeOffset? ChooseOffered(string text, IReadOnlyList<DateTimeOffset> offered, DateTimeOffset now)
        => OfferedSlots.Choose(text, offered, now, _window.TimeZone);

    internal CallbackTimeResult Resolve(TimeRequest request, DateTimeOffset now, string? userTimeZoneId)
        => _resolver.Resolve(request, now, userTimeZoneId);
}
