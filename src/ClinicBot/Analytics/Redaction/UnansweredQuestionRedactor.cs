using System.Text.RegularExpressions;

namespace ClinicBot.Analytics.Redaction;

/// <summary>
/// Removes what could identify a visitor or describe their health from a question the bot could not answer, before
/// it is kept for the dashboard (only with Staff:KeepUnansweredQuestions): emails (also "name at example dot org"),
/// street addresses, phone and other numbers (also spelled out), doses, medications, diagnoses and health events,
/// and names (after "my name is" and titles, and capitalised words that are not on the allowed list). It errs
/// towards removing too much. When it cannot finish (a pattern times out) nothing is kept.
/// </summary>
public sealed class UnansweredQuestionRedactor
{
    public const int MaxLength = 300;
    public const string Email = "[email]";
    public const string Address = "[address]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Dose = "[dose]";
    public const string Medication = "[medication]";
    public const string Condition = "[condition]";
    public const string Health = "[health]";
    public const string Name = "[name]";

    private const int MaxInput = 2000;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex _email;
    private readonly Regex _spelledEmail;
    private readonly Regex _address;
    private readonly Regex _unit;
    private readonly Regex _digitRun;
    private readonly Regex _spelledNumberRun;
    private readonly Regex _dose;
    private readonly Regex _medications;
    private readonly Regex _medicationSuffix;
    private readonly Regex _conditions;
    private readonly Regex _healthEvents;
    private readonly Regex _introducedName;
    private readonly Regex _titledName;
    private readonly Regex _capitalisedWord;
    private readonly HashSet<string> _allowed;
    private readonly HashSet<string> _stopWords;

    public UnansweredQuestionRedactor(RedactionRules rules)
    {
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        _email = new Regex(@"[\w.%+\-]+\s*(?:@|\(at\)|\[at\]|\{at\})\s*[\w\-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\bdot\b)\s*[\w\-]+)+", Options, Timeout);
        const string Separator = @"\s*(?:\.|_|-|\bdot\b|\bunderscore\b|\bdash\b|\(dot\)|\[dot\])\s*";
        _spelledEmail = new Regex(@"[\w%+]+(?:" + Separator + @"[\w%+]+)*\s+(?:at|\(at\)|\[at\])\s+[\w\-]+(?:" + Separator + @"[\w\-]+)*?" + Separator + "(?:" + Alternatives(rules.EmailTopLevelDomains) + @")\b", Options, Timeout);
        var numberWord = Alternatives(rules.NumberWords);
        var suffix = Alternatives(rules.StreetSuffixes);
        _address = new Regex(@"\b(?:\d+[a-z]?|(?:" + numberWord + @")(?:[\s\-]+(?:" + numberWord + @"))*)\s+(?:[a-z0-9'.]+\s+){1,4}?(?:" + suffix + @")\b\.?", Options, Timeout);
        _unit = new Regex(@"(?:\b(?:" + Alternatives(rules.UnitWords.Where(word => word != "#")) + @")|#)\s*\d+[a-z]?\b", Options, Timeout);
        _digitRun = new Regex(@"[+(]?\d(?:[\s().\-/]{0,3}\d)*", Options, Timeout);
        _spelledNumberRun = new Regex(@"\b(?:" + numberWord + @"|\d+)(?:[\s,.\-]+(?:" + numberWord + @"|\d+)){3,}\b", Options, Timeout);
        _dose = new Regex(@"\[number\]\s*(?:mg|mcg|ml|milligrams?|micrograms?|units?)\b|\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|milligrams?|micrograms?|units?)\b", Options, Timeout);
        _medications = new Regex(@"\b(?:" + Alternatives(rules.Medications) + @")\b", Options, Timeout);
        _medicationSuffix = new Regex(@"\b[a-z]+(?:" + Alternatives(rules.MedicationSuffixes) + @")\b", Options, Timeout);
        _conditions = new Regex(@"\b(?:" + Alternatives(rules.Conditions) + @")\b", Options, Timeout);
        _healthEvents = new Regex(@"\b(?:" + Alternatives(rules.HealthEvents) + @")\b", Options, Timeout);
        _introducedName = new Regex(@"\b(?:" + Alternatives(rules.NameIntroducers) + @")\s*[:,\-]?\s+((?:[\p{L}'\-]+\s*){1,3})", Options, Timeout);
        _titledName = new Regex(@"\b(?:" + Alternatives(rules.Titles.Select(title => title.TrimEnd('.'))) + @")\.?\s+([\p{L}'\-]+)", Options, Timeout);
        _capitalisedWord = new Regex(@"\b\p{Lu}[\p{L}'\-]*", RegexOptions.CultureInvariant, Timeout);
        _allowed = new HashSet<string>(rules.AllowedCapitalized, StringComparer.OrdinalIgnoreCase);
        _stopWords = new HashSet<string>(rules.NameStopWords, StringComparer.OrdinalIgnoreCase);
    }

    public static UnansweredQuestionRedactor LoadDefault() => new(RedactionRules.Load(RedactionRules.DefaultPath));

    /// <summary>The redacted text, shortened to <see cref="MaxLength"/>; null when nothing is left or it could not be redacted.</summary>
    public string? Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var redacted = text.Length > MaxInput ? text[..MaxInput] : text;
            if (!redacted.Any(char.IsLower))
            {
                // All capitals: every word would look like a name; the introducer patterns still apply.
                redacted = redacted.ToLowerInvariant();
            }

            redacted = _email.Replace(redacted, Email);
            redacted = _spelledEmail.Replace(redacted, Email);
            redacted = _address.Replace(redacted, Address);
            redacted = _unit.Replace(redacted, Address);
            redacted = _dose.Replace(redacted, Dose);
            redacted = _spelledNumberRun.Replace(redacted, Phone);
            redacted = _digitRun.Replace(redacted, MaskDigits);
            redacted = _medications.Replace(redacted, Medication);
            redacted = _medicationSuffix.Replace(redacted, Medication);
            redacted = _conditions.Replace(redacted, Condition);
            redacted = _healthEvents.Replace(redacted, Health);
            redacted = _introducedName.Replace(redacted, RedactIntroducedName);
            redacted = _titledName.Replace(redacted, match => ReplaceGroup(match, Name));
            redacted = RedactCapitalisedNames(redacted);
            redacted = Regex.Replace(redacted, @"\s+", " ").Trim();
            if (redacted.Length > MaxLength)
            {
                redacted = redacted[..MaxLength];
            }

            return redacted.Length == 0 ? null : redacted;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string MaskDigits(Match match)
    {
        var digits = match.Value.Count(char.IsAsciiDigit);
        var looksLikeDate = match.Value.Contains('/', StringComparison.Ordinal);
        return digits switch
        {
            >= 7 and <= 15 when !looksLikeDate => Phone,
            >= 4 => Number,
            _ => match.Value,
        };
    }

    private string RedactIntroducedName(Match match)
    {
        var words = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nameWords = words.TakeWhile(word => !_stopWords.Contains(word) && !word.StartsWith('[')).Count();
        if (nameWords == 0)
        {
            return match.Value;
        }

        var group = match.Groups[1];
        var kept = string.Join(' ', words.Skip(nameWords));
        var prefix = match.Value[..(group.Index - match.Index)];
        return prefix + Name + (kept.Length > 0 ? " " + kept + " " : " ");
    }

    private static string ReplaceGroup(Match match, string replacement)
    {
        var group = match.Groups[1];
        return match.Value[..(group.Index - match.Index)] + replacement + match.Value[(group.Index - match.Index + group.Length)..];
    }

    /// <summary>
    /// Capitalised words not on the allowed list are taken for names, except a lone word opening a sentence ("Insurance?");
    /// one opening a sentence is still a name when the next word is one ("Harriet Smith here").
    /// </summary>
    private string RedactCapitalisedNames(string text)
    {
        var matches = _capitalisedWord.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var redact = new bool[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            if (_allowed.Contains(matches[i].Value.TrimEnd('\'', '-')) || !IsNameCandidate(matches[i].Value))
            {
                continue;
            }

            redact[i] = !OpensSentence(text, matches[i].Index) || FollowedByName(text, matches, i) || SaysItsName(text, matches[i]);
        }

        var builder = new System.Text.StringBuilder(text);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            if (redact[i])
            {
                builder.Remove(matches[i].Index, matches[i].Length).Insert(matches[i].Index, Name);
            }
        }

        return builder.ToString();
    }

    private static bool IsNameCandidate(string word) => word.Length > 1 || word is not ("I" or "A");

    private bool FollowedByName(string text, MatchCollection matches, int i)
    {
        if (i + 1 >= matches.Count)
        {
            return false;
        }

        var next = matches[i + 1];
        var between = text[(matches[i].Index + matches[i].Length)..next.Index];
        return between == " " && !_allowed.Contains(next.Value) && !OpensSentence(text, next.Index);
    }

    // "Harriet here, ..." / "Harriet speaking."
    private static bool SaysItsName(string text, Match word)
    {
        var rest = text.AsSpan(word.Index + word.Length).TrimStart(' ');
        return rest.StartsWith("here", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("speaking", StringComparison.OrdinalIgnoreCase);
    }

    private static bool OpensSentence(string text, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var c = text[j];
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '“')
            {
                continue;
            }

            return c is '.' or '!' or '?' or ':' or ';' or '\n';
        }

        return true;
    }

    private static string Alternatives(IEnumerable<string> words) =>
        string.Join('|', words
            .Where(word => !string.IsNullOrWhiteSpace(word))
            .OrderByDescending(word => word.Length)
            .Select(word => Regex.Escape(word.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
}
