namespace ClinicBot.Booking.Fields;

public enum BookingField
{
    Name,
    Phone,
    Email,
    CallbackTime,
}
