using System.Security.Cryptography;

namespace ClinicBot.Booking.Store;

/// <summary>Short booking references people can read over the phone: KB- and five characters without 0/O, 1/I/L.</summary>
public static class BookingReference
{
    public const string Prefix = "KB-";
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 5;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Prefix + new string(chars);
    }

    public static bool IsWellFormed(string? reference) =>
        reference is not null
        && reference.Length == Prefix.Length + Length
        && reference.StartsWith(Prefix, StringComparison.Ordinal)
        && reference[Prefix.Length..].All(c => Alphabet.Contains(c));
}
