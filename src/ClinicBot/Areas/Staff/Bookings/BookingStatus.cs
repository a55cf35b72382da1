namespace ClinicBot.Staff.Bookings;

/// <summary>Where a booking request is in the clinic's call-back work.</summary>
public enum BookingStatus
{
    New,
    Called,
    Closed,
}

public static class BookingStatusNames
{
    public static string ToKey(this BookingStatus status) => status switch
    {
        BookingStatus.Called => "called",
        BookingStatus.Closed => "closed",
        _ => "new",
    };

    /// <summary>Parses "new", "called" or "closed" (any case); anything else is not a status.</summary>
    public static bool TryParse(string? value, out BookingStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "new":
                status = BookingStatus.New;
                return true;
            case "called":
                status = BookingStatus.Called;
                return true;
            case "closed":
                status = BookingStatus.Closed;
                return true;
            default:
                status = BookingStatus.New;
                return false;
        }
    }
}
