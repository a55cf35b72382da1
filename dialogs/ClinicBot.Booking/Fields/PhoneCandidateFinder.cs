using System.Text;
using System.Text.RegularExpressions;

namespace ClinicBot.Booking.Fields;

/// <summary>A run of text that looks like someone typed a phone number, with where it sits in the message.</summary>
internal sealed record PhoneCandidate(int Start, int Length, string Digits, bool HasPlus, bool HasLetters)
{
    public int DigitCount => Digits.Length;
}

/// <summary>
/// Finds phone-number-shaped runs in free text: digit groups joined by spaces, dots, dashes or brackets,
/// optionally starting with +. Letters that sit inside a digit group ("01O5") are kept and flagged, because
/// a letter O typed for a zero deserves a precise answer; ordinary words end the run. Times such as "10am"
/// or "9:30" are not phone groups.
/// </summary>
internal static partial class PhoneCandidateFinder
{
    private const int MinimumDigits = 7;

    // A group: digits possibly mixed with letters, e.g. "832", "(832)", "555-0100", "01O5", "1-832-555-0150".
    [GeneratedRegex(@"(?<plus>\+\s?)?(?<run>\(?[0-9][0-9A-Za-z().\-]*(?:[ \t]+\(?[0-9][0-9A-Za-z().\-]*)*|\(?[A-Za-z]?[0-9][0-9A-Za-z().\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex RunPattern();

    [GeneratedRegex(@"^\d{1,2}(?::\d{2}(?:am|pm|a|p)?|am|pm|a|p|h|hs|hrs|st|nd|rd|th)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOrOrdinalToken();

    public static IReadOnlyList<PhoneCandidate> Find(string text)
    {
        var found = new List<PhoneCandidate>();
        foreach (Match match in RunPattern().Matches(text))
        {
            var tokens = match.Groups["run"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var hasPlus = match.Groups["plus"].Success;
            var start = match.Index;
            var candidateTokens = new List<string>();
            foreach (var token in tokens)
            {
                if (IsTimeLike(token) && candidateTokens.Count > 0)
                {
                    break;
                }

                candidateTokens.Add(token);
            }

            var joined = string.Join(' ', candidateTokens).TrimEnd('.', '-', ')');
            var candidate = Describe(start, joined, hasPlus, match.Length);
            if (candidate is not null)
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    private static bool IsTimeLike(string token) =>
        TimeOrOrdinalToken().IsMatch(token.Trim('(', ')', '.', '-'));

    private static PhoneCandidate? Describe(int start, string run, bool hasPlus, int length)
    {
        var digits = new StringBuilder();
        var letters = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
        }

        // Need enough digits to be an attempt at a phone number; a letter only counts inside a mostly-digit run.
        if (digits.Length + letters < MinimumDigits || digits.Length < MinimumDigits - 2)
        {
            return null;
        }

        var hasLetters = letters > 0 && HasLetterInsideDigits(run);
        if (letters > 0 && !hasLetters)
        {
            return null;
        }

        return new PhoneCandidate(start, length, digits.ToString(), hasPlus, hasLetters);
    }

    // "01O5" or "O832": a letter touching digits in the same group. "ext" after a space is not that.
    private static bool HasLetterInsideDigits(string run)
    {
        for (var i = 0; i < run.Length; i++)
        {
            if (!char.IsAsciiLetter(run[i]))
            {
                continue;
            }

            var before = i > 0 && (char.IsAsciiDigit(run[i - 1]) || run[i - 1] is '-' or '.' or '(' or ')');
            var after = i + 1 < run.Length && (char.IsAsciiDigit(run[i + 1]) || run[i + 1] is '-' or '.' or ')');
            if (before || after)
            {
                return true;
            }
        }

        return false;
    }
}
