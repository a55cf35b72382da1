namespace ClinicBot.Booking.Fields.Time;

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

        if (HolidayAsked(request, now, zone) is { } holiday)
        {
            return holiday;
        }

        // "after new years, jan 5 at 10": a holiday named beside another day only sets the scene.
        if (request.Days.Any(d => d is HolidayMention) && request.Days.Any(d => !d.Negated && d is not HolidayMention))
        {
            request = request with { Days = request.Days.Where(d => d is not HolidayMention).ToList() };
        }

        return Decide(Candidates(request, now, zone), now);
    }

    /// <summary>
    /// A named holiday, or a date that is one: the clinic's page lists no holiday schedule, so no call is promised
    /// that day; the nearest open weekdays at the asked time are offered instead (other holidays left out too).
    /// </summary>
    private CallbackTimeResult? HolidayAsked(TimeRequest request, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ZonedClock.DateIn(now, zone);
        var named = request.Days.Where(d => !d.Negated && d is HolidayMention or DateMention or DayOfMonthMention).ToList();
        if (named.Count == 0 || named.Count != request.Days.Count(d => !d.Negated && d is not WeekdayMention))
        {
            return null;
        }

        // Only when every day named is a holiday: "christmas eve", "12/24", "thursday thanksgiving".
        var dates = CandidateDates.From(named, today);
        if (dates.Count != 1 || Holidays.On(dates[0]) is null)
        {
            return null;
        }

        var date = dates[0];
        var holiday = named.OfType<HolidayMention>().Select(h => h.Holiday).FirstOrDefault() ?? Holidays.On(date)!;

        var preference = TimePreference.Of(request.Times);
        var time = preference.Preferred.Count > 0 ? preference.Preferred[0] : preference.From is { } from && from >= window.Opens ? from : window.Opens;
        var requested = ZonedClock.ToInstant(date, time, zone);
        if (requested < now)
        {
            return null;
        }

        var holidayDates = Holidays.All.SelectMany(h => new[] { h.DateIn(date.Year - 1), h.DateIn(date.Year), h.DateIn(date.Year + 1) });
        var closed = window with { ClosedDates = window.ClosedDates.Concat(holidayDates).ToHashSet() };
        var alternatives = AlternativeSlots.Around(requested, now, closed);
        return new CallbackTimeResult(CallbackOutcome.Holiday, ZonedClock.InZone(requested, window.TimeZone), alternatives) { Holiday = holiday.Name };
    }

    /// <summary>An exact moment (a button's ISO timestamp): accepted as is, or steered like any other wish.</summary>
    public CallbackTimeResult ResolveInstant(DateTimeOffset instant, DateTimeOffset now) => Decide([instant], now);

    private CallbackTimeResult Decide(IEnumerable<DateTimeOffset> candidates, DateTimeOffset now)
    {
        // Candidates come best first; the first open one is the answer. Otherwise remember the first of each
        // kind of failure: a closed time beats "too soon", which beats "already passed".
        var earliest = now + window.MinimumNotice;
        DateTimeOffset? firstClosed = null, firstTooSoon = null, firstPast = null;
        foreach (var candidate in candidates)
        {
            switch (StatusOf(candidate, now, earliest))
            {
                case SlotStatus.Open:
                    return new CallbackTimeResult(CallbackOutcome.Accepted, ZonedClock.InZone(candidate, window.TimeZone), []);
                case SlotStatus.Closed:
                    firstClosed ??= candidate;
                    break;
                case SlotStatus.TooSoon:
                    firstTooSoon ??= candidate;
                    break;
                default:
                    firstPast ??= candidate;
                    break;
            }
        }

        var (outcome, requested) = firstClosed is { } closed
            ? (CallbackOutcome.OutsideHours, closed)
            : firstTooSoon is { } soon
                ? (CallbackOutcome.TooSoon, soon)
                : firstPast is { } past
                    ? (CallbackOutcome.InPast, past)
                    : (CallbackOutcome.NotUnderstood, default);
        if (outcome == CallbackOutcome.NotUnderstood)
        {
            return CallbackTimeResult.NotUnderstood;
        }

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
            return ZonedClock.Zone(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    // Every moment the request could mean, best first: per date, the preferred times, then the span in slot steps.
    private IEnumerable<DateTimeOffset> Candidates(TimeRequest request, DateTimeOffset now, TimeZoneInfo zone)
    {
        var delay = request.Times.Where(t => !t.Negated).OfType<DelayMention>().FirstOrDefault();
        if (delay is not null)
        {
            yield return ZonedClock.CeilToStep(now + delay.Delay, window.SlotInterval, window.TimeZone);
            yield break;
        }

        var today = ZonedClock.DateIn(now, zone);
        var preference = TimePreference.Of(request.Times);
        var step = window.SlotInterval;
        foreach (var date in CandidateDates.From(request.Days, today))
        {
            foreach (var time in preference.Preferred)
            {
                yield return ZonedClock.ToInstant(date, time, zone);
            }

            if (preference is { From: { } from, To: { } to })
            {
                var first = TimeSpan.FromTicks((from.ToTimeSpan().Ticks + step.Ticks - 1) / step.Ticks * step.Ticks);
                for (var t = first; t <= to.ToTimeSpan() && t < TimeSpan.FromDays(1); t += step)
                {
                    yield return ZonedClock.ToInstant(date, TimeOnly.FromTimeSpan(t), zone);
                }
            }
        }
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
