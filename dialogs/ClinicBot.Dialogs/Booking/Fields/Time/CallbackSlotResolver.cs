namespace ClinicBot.Dialogs.Booking.Fields.Time;

/// <summary>
/// Turns a parsed request into a callback slot in the clinic's window: tries the candidate dates in order
/// and, on each, the preferred times then the wished-for span; the first slot that is open and far enough
/// ahead is accepted. Otherwise it explains why (outside hours, in the past, too soon) and offers the
/// nearest open slots.
/// </summary>
internal sealed class CallbackSlotResolver(CallbackWindow window)
{
    private enum SlotStatus
    {
        Open,
        Past,
        TooSoon,
        Closed,
    }

    public CallbackTimeResult Resolve(TimeRequest request, DateTimeOffset now)
        => Resolve(request, now, null);

    public CallbackTimeResult Resolve(TimeRequest request, DateTimeOffset now, string? userTimeZoneId)
    {
        if (!request.HasPositiveContent)
        {
            return CallbackTimeResult.NotUnderstood;
        }

        var zone = ReferenceZone(request.Zone, userTimeZoneId);
        if (zone is null)
        {
            return CallbackTimeResult.ZoneUnknown;
        }

        var candidates = Candidates(request, now, zone);
        if (candidates.Count == 0)
        {
            return CallbackTimeResult.NotUnderstood;
        }

        var earliest = now + window.MinimumNotice;
        var statuses = candidates.Select(c => (Instant: c, Status: StatusOf(c, now, earliest))).ToList();
        var accepted = statuses.FindIndex(s => s.Status == SlotStatus.Open);
        if (accepted >= 0)
        {
            return new CallbackTimeResult(CallbackOutcome.Accepted, ZonedClock.InZone(statuses[accepted].Instant, window.TimeZone), []);
        }

        // The reason is the most actionable one: a closed time beats "too soon", which beats "already passed".
        var closed = statuses.FindIndex(s => s.Status == SlotStatus.Closed);
        var tooSoon = statuses.FindIndex(s => s.Status == SlotStatus.TooSoon);
        var (outcome, requested) = closed >= 0
            ? (CallbackOutcome.OutsideHours, statuses[closed].Instant)
            : tooSoon >= 0
                ? (CallbackOutcome.TooSoon, statuses[tooSoon].Instant)
                : (CallbackOutcome.InPast, statuses[0].Instant);

        var alternatives = AlternativeSlots.Around(requested, now, window);
        return new CallbackTimeResult(outcome, ZonedClock.InZone(requested, window.TimeZone), alternatives);
    }

    private TimeZoneInfo? ReferenceZone(ZoneMention? mention, string? userTimeZoneId)
    {
        var id = mention switch
        {
            NamedZoneMention named => named.TimeZoneId,
            UserLocalZoneMention => userTimeZoneId,
            _ => window.TimeZoneId,
        };

        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    // Every moment the request could mean, best first: per date, the preferred times, then the span in slot steps.
    private List<DateTimeOffset> Candidates(TimeRequest request, DateTimeOffset now, TimeZoneInfo zone)
    {
        var delay = request.Times.Where(t => !t.Negated).OfType<DelayMention>().FirstOrDefault();
        if (delay is not null)
        {
            return [ZonedClock.CeilToStep(now + delay.Delay, window.SlotInterval, window.TimeZone)];
        }

        var today = ZonedClock.DateIn(now, zone);
        var dates = CandidateDates.From(request.Days, today);
        var preference = TimePreference.Of(request.Times);
        var step = window.SlotInterval;
        var result = new List<DateTimeOffset>();
        foreach (var date in dates)
        {
            foreach (var time in preference.Preferred)
            {
                result.Add(ZonedClock.ToInstant(date, time, zone));
            }

            if (preference is { From: { } from, To: { } to })
            {
                var first = TimeSpan.FromTicks((from.ToTimeSpan().Ticks + step.Ticks - 1) / step.Ticks * step.Ticks);
                for (var t = first; t <= to.ToTimeSpan() && t < TimeSpan.FromDays(1); t += step)
                {
                    result.Add(ZonedClock.ToInstant(date, TimeOnly.FromTimeSpan(t), zone));
                }
            }
        }

        return result;
    }

    private SlotStatus StatusOf(DateTimeOffset instant, DateTimeOffset now, DateTimeOffset earliest)
    {
        if (instant < now)
        {
            return SlotStatus.Past;
        }

        if (!window.IsOpenAt(instant))
        {
            return SlotStatus.Closed;
        }

        return instant < earliest ? SlotStatus.TooSoon : SlotStatus.Open;
    }
}
