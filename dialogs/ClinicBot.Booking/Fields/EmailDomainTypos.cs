using ClinicBot.Booking.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>Suggests the common mail domain (Content/words/email.json) a typed domain is one slip away from (gmial.com → gmail.com).</summary>
internal static class EmailDomainTypos
{
    private static readonly string[] CommonDomains = BookingWords.Email.List("commonDomains").ToArray();

    public static string? Suggest(string domain)
    {
        if (CommonDomains.Contains(domain))
        {
            return null;
        }

        foreach (var common in CommonDomains)
        {
            // The distance is at least the length difference; a swap (distance 2) keeps the length.
            if (Math.Abs(domain.Length - common.Length) > 1)
            {
                continue;
            }

            var distance = EditDistance.Between(domain, common);
            if (distance == 1 || distance == 2 && domain.Length >= 9 && IsTransposition(domain, common))
            {
                return common;
            }
        }

        return null;
    }

    private static bool IsTransposition(string a, string b) =>
        a.Length == b.Length && a.Order().SequenceEqual(b.Order());
}
