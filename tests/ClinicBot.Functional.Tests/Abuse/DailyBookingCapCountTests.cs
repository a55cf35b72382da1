using ClinicBot.Abuse;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Tests.Abuse;

/// <summary>The cap's counting on its own: per client, per clinic calendar day, places given back when unused.</summary>
public sealed class DailyBookingCapCountTests
{
    private static readonly TimeZoneInfo Central = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    // 23:30 in Sugar Land (05:30 UTC the next day).
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-08T05:30:00Z"));

    [Fact]
    public void A_client_gets_its_daily_number_of_places_and_others_are_counted_apart()
    {
        var cap = new DailyBookingCap(2, Central, _clock);

        Assert.NotNull(cap.TryReserve("address:203.0.113.7", "booking-1"));
        Assert.NotNull(cap.TryReserve("address:203.0.113.7", "booking-2"));
        Assert.Null(cap.TryReserve("address:203.0.113.7", "booking-3"));
        Assert.NotNull(cap.TryReserve("address:203.0.113.8", "booking-4"));
    }

    [Fact]
    public void The_count_starts_again_at_midnight_in_the_clinics_time_zone()
    {
        var cap = new DailyBookingCap(1, Central, _clock);
        Assert.NotNull(cap.TryReserve("client", "booking-5"));

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Null(cap.TryReserve("client", "booking-6"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(cap.TryReserve("client", "booking-7"));
    }

    [Fact]
    public void A_released_place_can_be_used_again_but_not_one_from_a_past_day()
    {
        var cap = new DailyBookingCap(1, Central, _clock);
        cap.Release(cap.TryReserve("client", "booking-8")!);
        var kept = cap.TryReserve("client", "booking-9");
        Assert.NotNull(kept);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(cap.TryReserve("client", "booking-10"));
        cap.Release(kept!);
        Assert.Null(cap.TryReserve("client", "booking-11"));
    }

    [Fact]
    public void A_booking_already_counted_is_let_through_again_at_the_cap_and_its_place_kept()
    {
        var cap = new DailyBookingCap(1, Central, _clock);
        Assert.NotNull(cap.TryReserve("client", "booking-a"));

        var retried = cap.TryReserve("client", "booking-a");
        Assert.NotNull(retried);
        cap.Release(retried!);

        Assert.Null(cap.TryReserve("client", "booking-b"));
    }

    [Fact]
    public void Zero_turns_the_cap_off()
    {
        Assert.False(new DailyBookingCap(0, Central, _clock).IsEnabled);
        Assert.True(new DailyBookingCap(DailyBookingCap.DefaultPerClientPerDay, Central, _clock).IsEnabled);
    }
}
