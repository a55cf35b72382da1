namespace ClinicBot.Dialogs.Booking.Fields;

public enum BookingField
{
    Name,
    Phone,
    Email,
    CallbackTime,
}
