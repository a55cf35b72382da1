using ClinicBot.Dialogs.Booking.Fields.Time;

namespace ClinicBot.Dialogs.Booking.Fields;

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

    public CallbackTimeRecognizer(CallbackWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _resolver = new CallbackSlotResolver(window);
    }

    public CallbackTimeResult Recognize(string text, DateTimeOffset now, string? userTimeZoneId = null)
        => Resolve(TimeExpressionParser.Parse(text ?? string.Empty), now, userTimeZoneId);

    internal CallbackTimeResult Resolve(TimeRequest request, DateTimeOffset now, string? userTimeZoneId)
        => _resolver.Resolve(request, now, userTimeZoneId);
}
