namespace ClinicBot.Tests.Booking.Fields;

/// <summary>Builds instants on the clinic's wall clock (America/Chicago) for pinned "now" values and expectations.</summary>
internal static class ClinicTime
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>Monday 2026-11-30 10:00 in Chicago (standard time, -06:00).</summary>
    public static readonly DateTimeOffset MondayMorning = At(2026, 11, 30, 10, 0);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Chicago.GetUtcOffset(local));
    }
}
