using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>Suggests the common mail domain a typed domain is one slip away from (gmial.com → gmail.com).</summary>
internal static class EmailDomainTypos
{
    private static readonly string[] CommonDomains =
    [
        "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com", "live.com",
        "msn.com", "comcast.net", "att.net", "sbcglobal.net", "me.com", "protonmail.com", "proton.me", "mail.com",
        "gmx.com", "ymail.com", "rocketmail.com", "verizon.net", "charter.net", "cox.net",
    ];

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
