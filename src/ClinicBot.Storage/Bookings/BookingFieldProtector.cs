using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Storage.Bookings;

/// <summary>
/// Encrypts single booking fields with ASP.NET Core Data Protection (keys in DataProtection:KeysFolder,
/// outside the database file). Stored values carry a prefix so rows written before encryption still read.
/// </summary>
public sealed class BookingFieldProtector
{
    public const string Purpose = "ClinicBot.Bookings.Fields.v1";
    public const string Prefix = "dp1:";

    /// <summary>Shown instead of a field whose key is gone (e.g. the keys folder was lost).</summary>
    public const string Unreadable = "(unreadable: encryption key missing)";

    private readonly IDataProtector _protector;

    public BookingFieldProtector(IDataProtectionProvider provider)
    {
        _protector = provider.CreateProtector(Purpose);
    }

    public string Protect(string value) => Prefix + _protector.Protect(value);

    public string? ProtectOptional(string? value) => value is null ? null : Protect(value);

    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return Unreadable;
        }
    }

    public string? UnprotectOptional(string? stored) => stored is null ? null : Unprotect(stored);
}
