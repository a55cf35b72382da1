using Microsoft.Extensions.Options;

namespace ClinicBot.Staff;

/// <summary>The clinic's local time: what staff see on the pages and what "a date" means in a filter.</summary>
public sealed class ClinicClock
{
    private readonly TimeProvider _time;

    public ClinicClock(TimeProvider time, IOptions<StaffOptions> options)
    {
        _time = time;
        Zone = FindZone(options.Value.TimeZone);
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => ToLocal(_time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
