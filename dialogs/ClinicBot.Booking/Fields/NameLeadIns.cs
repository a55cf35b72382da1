using System.Text.RegularExpressions;

namespace ClinicBot.Booking.Fields;

/// <summary>Removes the words people put before their name: "hi, my name is", "I'm", "it's", "me llamo", "soy".</summary>
internal static partial class NameLeadIns
{
    [GeneratedRegex(@"^(?:(?:hi|hello|hey|hola|ok|okay|sure|yes|yeah|si|sí|sorry|oops|actually|well|so|oh|um+|uh+)\b[\s,.!:;-]*)*(?:(?:please\s+)?(?:use\s+)?(?:my\s+)?(?:full\s+|real\s+|legal\s+)?name(?:\s+is|'s|\s*:|\s*-|\s*,)|mi\s+nombre(?:\s+completo)?\s+es|me\s+llamo|i\s*'?\s*m|i\s+am|it\s*'?s|it\s+is|this\s+is|call\s+me|soy|es)(?:(?<=\W)|(?=\W|$))[\s,:;-]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^(?:hi|hello|hey|hola)\b[\s,.!]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    public static string Strip(string text)
    {
        var match = LeadIn().Match(text);
        if (match.Success)
        {
            return text[match.Length..];
        }

        var greeting = Greeting().Match(text);
        return greeting.Success && greeting.Length < text.Length ? text[greeting.Length..] : text;
    }

    public static bool HasLeadIn(string text) => LeadIn().IsMatch(text);

    [GeneratedRegex(@"(?:[\s,]+(?:here|calling|speaking|aqui|thanks|thank\s+you|thx|gracias|please|pls))+\s*[.!]*$|\s*(?::-?[)D(]|;-?\)|\(:)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWords();

    /// <summary>
    /// Removes what people put after their name ("Ana Ruiz here", "Ana Ruiz, thanks :)") and end punctuation;
    /// a final dot is kept after an initial or abbreviation ("Jr.", "Ana R.").
    /// </summary>
    public static string StripTrailing(string text)
    {
        var name = text.Trim();
        for (var i = 0; i < 3; i++)
        {
            name = TrailingWords().Replace(name, string.Empty).Trim().TrimEnd('!', ',', '?', ';').Trim();
        }

        if (name.EndsWith('.'))
        {
            var lastWord = name[(name.LastIndexOf(' ') + 1)..].TrimEnd('.');
            if (lastWord.Length > 3 || lastWord.Contains('.'))
            {
                name = name.TrimEnd('.').Trim();
            }
        }

        return name;
    }
}
