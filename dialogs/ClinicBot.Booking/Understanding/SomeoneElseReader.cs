using System.Text.RegularExpressions;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Understanding;

/// <summary>What one message says about a booking for someone else; nulls where it says nothing.</summary>
/// <param name="CallFor">Who the call is for, as said ("mom", "son"), or "someone else"; null when not said.</param>
/// <param name="TheirName">The name of the person to call ("her name is Rosa Elena Díaz").</param>
/// <param name="TheirPhoneGiven">The phone in the message is theirs ("his number is ...").</param>
/// <param name="BookerName">A name given as one's own ("I'm Ana Díaz"): the booker's, when the call is for someone else.</param>
public sealed record SomeoneElseReading(string? CallFor, string? TheirName, bool TheirPhoneGiven, string? BookerName)
{
    public static SomeoneElseReading Nothing { get; } = new(null, null, false, null);
}

/// <summary>
/// Reads a booking for someone else: "for my mom", "it's for my son", "for someone else" set who the call is
/// for; "her name is …", "his number is …" give their details; "I'm Ana Díaz" then names the booker. The
/// words are in Content/words/someone-else.json.
/// </summary>
internal sealed class SomeoneElseReader
{
    public const string SomeoneElse = "someone else";

    private static readonly HashSet<string> Relations = BookingWords.SomeoneElse.Set("relations");
    private static readonly WordPhrases RelationLeads = new(BookingWords.SomeoneElse.List("relationLeads"));
    private static readonly WordPhrases SomeoneElsePhrases = new(BookingWords.SomeoneElse.List("someoneElse"));
    private static readonly WordPhrases TheirPhoneLeads = new(BookingWords.SomeoneElse.List("theirPhoneLeads"));
    private static readonly Regex TheirNameLead = LeadRegex(BookingWords.SomeoneElse.List("theirNameLeads"));
    private static readonly Regex BookerNameLead = LeadRegex(BookingWords.SomeoneElse.List("bookerNameLeads"));
    private static readonly Regex NameAfterRelation = new(
        @"\b(?:" + string.Join('|', Relations.Select(Regex.Escape)) + @")\b[\s,:-]+(?<name>[^,.;!?\n\d@]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly NameRecognizer Names = new();

    public SomeoneElseReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000)
        {
            return SomeoneElseReading.Nothing;
        }

        var words = CommandText.Words(text);
        var relation = RelationIn(words);
        var theirName = NameAfter(TheirNameLead, text, requireCapitals: false);
        if (relation is not null && theirName is null)
        {
            theirName = NameAfter(NameAfterRelation, text, requireCapitals: true);
        }

        var callFor = relation ?? (theirName is not null || SomeoneElsePhrases.AnyIn(words) ? SomeoneElse : null);
        var theirPhone = TheirPhoneLeads.AnyIn(words);
        // Read whatever the call is for: the dialog uses it only once the call is for someone else.
        var bookerName = BookerName(text);
        return new SomeoneElseReading(callFor, theirName, theirPhone, bookerName);
    }

    private static string? RelationIn(IReadOnlyList<string> words)
    {
        if (RelationLeads.Find(words) is not { } lead)
        {
            return null;
        }

        // "for my elderly mother", "for my 19 year old son": the relation within a few words of the lead.
        for (var i = lead.End; i < words.Count && i <= lead.End + 3; i++)
        {
            if (Relations.Contains(words[i]))
            {
                return words[i];
            }
        }

        return null;
    }

    // "my name is ana diaz" is taken in any case; "I'm Ana Díaz" only capitalised ("i'm so tired" is no name).
    private static string? BookerName(string text)
    {
        foreach (Match match in BookerNameLead.Matches(text))
        {
            var strong = match.Value.Contains("name", StringComparison.OrdinalIgnoreCase) || match.Value.Contains("llamo", StringComparison.OrdinalIgnoreCase) || match.Value.Contains("nombre", StringComparison.OrdinalIgnoreCase);
            if (NameFrom(match.Groups["name"].Value, requireCapitals: !strong) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? NameAfter(Regex lead, string text, bool requireCapitals)
    {
        foreach (Match match in lead.Matches(text))
        {
            if (NameFrom(match.Groups["name"].Value, requireCapitals) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    // The leading words that can be a name, stopping at sentence words ("Rosa Díaz and she's retired" → "Rosa Díaz").
    private static string? NameFrom(string captured, bool requireCapitals)
    {
        var kept = new List<string>();
        foreach (var word in captured.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (kept.Count == 4 || NonNameWords.Contains(word.ToLowerInvariant()) || (requireCapitals && !char.IsUpper(word[0])))
            {
                break;
            }

            kept.Add(word);
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var result = Names.Recognize(string.Join(' ', kept));
        return result.Succeeded ? result.Value : null;
    }

    private static Regex LeadRegex(IEnumerable<string> leads) => new(
        @"(?<![\p{L}'])(?:" + string.Join('|', leads.OrderByDescending(l => l.Length).Select(l => Regex.Escape(l).Replace("'", "\\s*['\u2019]?\\s*").Replace(@"\ ", @"\s+"))) + @")\s+(?<name>[^,.;!?\n\d@]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
}
