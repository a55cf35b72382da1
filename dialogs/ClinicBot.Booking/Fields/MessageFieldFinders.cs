using System.Text.RegularExpressions;

namespace ClinicBot.Booking.Fields;

/// <summary>Finds a valid phone number (with its extension) in a longer message and blanks every phone-shaped run out of it.</summary>
internal static class PhoneInMessage
{
    public static (CallbackPhone? Phone, string Remaining) Take(string text)
    {
        var (withoutExtension, extension) = PhoneExtensions.Take(text);
        var candidates = PhoneCandidateFinder.Find(withoutExtension);
        CallbackPhone? phone = null;
        foreach (var candidate in candidates)
        {
            var result = PhoneRecognizer.Validate(candidate, extension);
            if (result.Succeeded)
            {
                phone ??= result.Value;
            }
        }

        // The extension is only taken out with the number it belongs to.
        return (phone, Blank(phone is null ? text : withoutExtension, candidates.Select(c => (c.Start, c.Length))));
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

        if (found is null && SpokenEmail.Find(text) is { } spoken && EmailRecognizer.Validate(spoken.Address) is { Succeeded: true } read)
        {
            found = read.Value! with { Spoken = true };
            spans.Add((spoken.Start, spoken.Length));
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
    [GeneratedRegex(@"(?:\bmy\s+(?:full\s+)?name\s+is|\bmy\s+name's|\bname\s*:|(?:^|[,.;\n]\s*)name|\bme\s+llamo|\bmi\s+nombre\s+es)\s+(?<name>[^,.;!?\n\d@]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StrongLeadIn();

    [GeneratedRegex(@"(?:\b[Ii]\s*'?\s*m|\b[Ii]\s+am|\b[Tt]his\s+is|\b[Ss]oy|\b[Ii]t'?s)\s+(?<name>[^,.;!?\n\d@]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WeakLeadIn();

    [GeneratedRegex(@"^\s*(?:(?:hi|hello|hey|hola)\b[\s,!]*)?(?<name>[^,.;!?\n\d@]+?)\s*(?:[,;\n]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadSegment();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpaceRun();

    private static readonly NameRecognizer Recognizer = new();

    public static (string? Name, string Remaining) Take(string text, bool otherFieldsFound)
    {
        var strong = StrongLeadIn().Match(text);
        if (strong.Success && TryName(text, strong, requireCapitals: false, wholeSegment: false) is { } fromStrong)
        {
            return fromStrong;
        }

        foreach (Match weak in WeakLeadIn().Matches(text))
        {
            if (TryName(text, weak, requireCapitals: true, wholeSegment: false) is { } fromWeak)
            {
                return fromWeak;
            }
        }

        if (otherFieldsFound && LeadSegment().Match(text) is { Success: true } segment
            && TryName(text, segment, requireCapitals: true, wholeSegment: true) is { } fromSegment)
        {
            return fromSegment;
        }

        return (null, text);
    }

    // Takes the name words at the start of the match's "name" group and blanks the lead-in and those words only,
    // so the rest of the message ("... and i want monday afternoon") is still read for other fields.
    private static (string? Name, string Remaining)? TryName(string text, Match match, bool requireCapitals, bool wholeSegment)
    {
        var group = match.Groups["name"];
        var (candidate, length) = NameWords(group.Value, requireCapitals);
        if (wholeSegment && candidate.Length != group.Value.Trim().Length)
        {
            return null; // a lead segment must be only the name, not a sentence that starts with capitals
        }

        var result = Recognizer.Recognize(candidate);
        if (!result.Succeeded)
        {
            return null;
        }

        var end = group.Index + length;
        return (result.Value, PhoneInMessage.Blank(text, [(match.Index, end - match.Index)]));
    }

    // The leading words that can be a name: stop at the first word that is common vocabulary or not capitalised.
    // Returns the words and how many characters of the captured text they span.
    private static (string Words, int Length) NameWords(string captured, bool requireCapitals)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (Match word in NonSpaceRun().Matches(captured))
        {
            var value = word.Value;
            if (NonNameWords.Contains(value.ToLowerInvariant()) || (requireCapitals && !char.IsUpper(value[0])) || kept.Count == 4)
            {
                break;
            }

            kept.Add(value);
            length = word.Index + word.Length;
        }

        return (string.Join(' ', kept), length);
    }
}
