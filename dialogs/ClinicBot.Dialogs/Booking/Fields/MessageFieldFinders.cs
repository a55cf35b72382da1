using System.Text.RegularExpressions;

namespace ClinicBot.Dialogs.Booking.Fields;

/// <summary>Finds a valid phone number in a longer message and blanks every phone-shaped run out of it.</summary>
internal static class PhoneInMessage
{
    public static (string? E164, string Remaining) Take(string text)
    {
        var candidates = PhoneCandidateFinder.Find(text);
        string? e164 = null;
        foreach (var candidate in candidates)
        {
            var result = PhoneRecognizer.Validate(candidate);
            if (result.Succeeded)
            {
                e164 ??= result.Value;
            }
        }

        return (e164, Blank(text, candidates.Select(c => (c.Start, c.Length))));
    }

    public static string Blank(string text, IEnumerable<(int Start, int Length)> spans)
    {
        var chars = text.ToCharArray();
        foreach (var (start, length) in spans)
        {
            for (var i = start; i < start + length && i < chars.Length; i++)
            {
                chars[i] = ' ';
            }

            if (start < chars.Length)
            {
                chars[start] = ',';
            }
        }

        return new string(chars);
    }
}

/// <summary>Finds a valid address, or an explicit "no email", in a longer message and blanks it out.</summary>
internal static partial class EmailInMessage
{
    [GeneratedRegex(@"[^\s<>"",;]*@[^\s<>"";]*", RegexOptions.CultureInvariant)]
    private static partial Regex AddressLike();

    [GeneratedRegex(@"\b(?:no|not|don'?t|without|sin|skip)\b(?:\s+\S+){0,3}?\s+(?:e-?mail|correo)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoEmail();

    public static (EmailAnswer? Email, string Remaining) Take(string text)
    {
        EmailAnswer? found = null;
        var spans = new List<(int, int)>();
        foreach (Match match in AddressLike().Matches(text))
        {
            var value = match.Value.TrimEnd('.', ',', '!', '?', ')');
            var result = EmailRecognizer.Validate(value);
            if (result.Succeeded)
            {
                found ??= result.Value;
            }

            spans.Add((match.Index, match.Length));
        }

        if (found is null && NoEmail().Match(text) is { Success: true } refusal)
        {
            found = EmailAnswer.Skip;
            spans.Add((refusal.Index, refusal.Length));
        }

        return (found, PhoneInMessage.Blank(text, spans));
    }
}

/// <summary>
/// Finds a person's name in a longer message: after a strong lead-in ("my name is", "me llamo", "name:") in
/// any case, after a weak one ("I'm", "this is", "soy") only when capitalised, or as a capitalised first
/// segment when the message also carries a phone or email ("Ana Ruiz, 832-555-0100").
/// </summary>
internal static partial class NameInMessage
{
    [GeneratedRegex(@"(?:\bmy\s+(?:full\s+)?name\s+is|\bmy\s+name's|\bname\s*:|\bme\s+llamo|\bmi\s+nombre\s+es)\s+(?<name>[^,.;!?\n\d@]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StrongLeadIn();

    [GeneratedRegex(@"(?:\b[Ii]\s*'?\s*m|\b[Ii]\s+am|\b[Tt]his\s+is|\b[Ss]oy|\b[Ii]t'?s)\s+(?<name>[^,.;!?\n\d@]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WeakLeadIn();

    [GeneratedRegex(@"^\s*(?:(?:hi|hello|hey|hola)\b[\s,!]*)?(?<name>[^,.;!?\n\d@]+?)\s*(?:[,;\n]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadSegment();

    private static readonly NameRecognizer Recognizer = new();

    public static (string? Name, string Remaining) Take(string text, bool otherFieldsFound)
    {
        var strong = StrongLeadIn().Match(text);
        if (strong.Success && Accept(NameWords(strong.Groups["name"].Value, requireCapitals: false)) is { } strongName)
        {
            return (strongName, PhoneInMessage.Blank(text, [(strong.Index, strong.Length)]));
        }

        foreach (Match weak in WeakLeadIn().Matches(text))
        {
            if (Accept(NameWords(weak.Groups["name"].Value, requireCapitals: true)) is { } weakName)
            {
                return (weakName, PhoneInMessage.Blank(text, [(weak.Index, weak.Length)]));
            }
        }

        if (otherFieldsFound && LeadSegment().Match(text) is { Success: true } segment
            && Accept(NameWords(segment.Groups["name"].Value, requireCapitals: true), wholeSegment: segment.Groups["name"].Value) is { } segmentName)
        {
            return (segmentName, PhoneInMessage.Blank(text, [(segment.Index, segment.Length)]));
        }

        return (null, text);
    }

    // The leading words that can be a name: stop at the first word that is common vocabulary or not capitalised.
    private static string NameWords(string captured, bool requireCapitals)
    {
        var kept = new List<string>();
        foreach (var word in captured.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NonNameWords.Contains(word.ToLowerInvariant()) || (requireCapitals && !char.IsUpper(word[0])) || kept.Count == 4)
            {
                break;
            }

            kept.Add(word);
        }

        return string.Join(' ', kept);
    }

    private static string? Accept(string candidate, string? wholeSegment = null)
    {
        // A lead segment must be only the name, not a sentence that starts with capitals.
        if (wholeSegment is not null && candidate.Length != wholeSegment.Trim().Length)
        {
            return null;
        }

        var result = Recognizer.Recognize(candidate);
        return result.Succeeded ? result.Value : null;
    }
}
