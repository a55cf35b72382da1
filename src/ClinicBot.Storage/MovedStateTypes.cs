using Newtonsoft.Json.Serialization;

namespace ClinicBot.Storage;

/// <summary>
/// Reads type names that stored state was written with before a type moved: the booking dialog's types were
/// "ClinicBot.Dialogs.Booking.*, ClinicBot.Dialogs" until the booking dialog got its own project, and a booking
/// half-way through at an upgrade must read back as the same types.
/// </summary>
public sealed class MovedStateTypes : DefaultSerializationBinder
{
    private const string OldBookingNamespace = "ClinicBot.Dialogs.Booking.";

    public static MovedStateTypes Instance { get; } = new();

    public override Type BindToType(string? assemblyName, string typeName)
    {
        if (assemblyName == "ClinicBot.Dialogs" && typeName.StartsWith(OldBookingNamespace, StringComparison.Ordinal))
        {
            return base.BindToType("ClinicBot.Booking", "ClinicBot.Booking." + typeName[OldBookingNamespace.Length..]);
        }

        return base.BindToType(assemblyName, typeName);
    }
}
