using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// Recognises explicit and indirect crisis language with the reviewed patterns of crisis.json. Figurative or
/// negated uses ("dying to know", "killing my motivation", "i'm not suicidal") are blanked out first.
/// Pure computation after construction: no I/O, thread-safe. If crisis.json cannot be read, the copy
/// embedded in the assembly is used, so the crisis reply never depends on files or storage.
/// </summary>
public sealed partial class CrisisDetector
{
    public const string Explicit = "explicit";
    public const string Indirect = "indirect";

    private static readonly Lazy<CrisisDetector> EmbeddedInstance =
        new(() => new CrisisDetector(ContentJson.Read<CrisisDocument>(EmbeddedContentSource.Instance, FileName)));

    internal const string FileName = "crisis.json";
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    // Generous: a busy machine can pause a thread for a while, and a timeout counts as a possible crisis.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly (Regex Pattern, string Replacement)[] _rewrites;
    private readonly TypoCorrector _typos;
    private readonly Regex _neutralize;
    private readonly Regex _explicit;
    private readonly Regex _indirect;

    internal CrisisDetector(CrisisDocument document)
    {
        Reply = document.Reply;
        Suggestions = document.Suggestions ?? [];
        _rewrites = document.Rewrites.Select(r => (new Regex(r.Pattern, Options, MatchTimeout), r.Replace)).ToArray();
        _typos = new TypoCorrector(document.Vocabulary, document.ProtectedWords ?? []);
        _neutralize = Combine(document.Neutralize);
        _explicit = Combine(document.Explicit);
        _indirect = Combine(document.Indirect);
        Detect("warm up the patterns"); // the first match pays the regex set-up cost, not the first visitor
    }

    /// <summary>The detector built from the embedded crisis.json (never touches the file system).</summary>
    public static CrisisDetector Embedded => EmbeddedInstance.Value;

    /// <summary>Loads crisis.json from <paramref name="source"/>; any failure falls back to <see cref="Embedded"/>.</summary>
    public static CrisisDetector Load(IContentSource source, ICollection<string>? warnings = null)
    {
        try
        {
            return new CrisisDetector(ContentJson.Read<CrisisDocument>(source, FileName));
        }
        catch (Exception ex)
        {
            // Deliberately broad: whatever goes wrong with the file or its store (I/O, bad JSON, a bad pattern),
            // the safety reply must still work.
            warnings?.Add($"crisis.json from {source.Description} could not be used ({ex.GetType().Name}); using the embedded copy.");
            return Embedded;
        }
    }

    /// <summary>The fixed, reviewed crisis reply.</summary>
    public string Reply { get; }

    public IReadOnlyList<string> Suggestions { get; }

    public bool IsCrisis(string? text) => Detect(text) is not null;

    /// <summary>"explicit", "indirect" or null.</summary>
    public string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = Normalize(text);
        try
        {
            if (_explicit.IsMatch(normalized)) return Explicit;
            if (_indirect.IsMatch(normalized)) return Indirect;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input must not silence the check: treat it as a possible crisis.
            return Indirect;
        }
        return null;
    }

    private string Normalize(string text)
    {
        var folded = TextFolding.Fold(text.Length > 2000 ? text[..2000] : text);
        folded = Apostrophe().Replace(folded, "");
        folded = SentencePunctuation().Replace(folded, " $0 ");
        folded = Other().Replace(folded, " ");
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.IsLetter(w[0]) ? _typos.Correct(w) : w);
        var normalized = string.Join(' ', words);
        foreach (var (pattern, replacement) in _rewrites) normalized = pattern.Replace(normalized, replacement);
        return _neutralize.Replace(normalized, " ~ ");
    }

    private static Regex Combine(IEnumerable<string> patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), Options, MatchTimeout);

    [GeneratedRegex(@"'")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"[.!?,;]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"[^a-z0-9.!?,;]+")]
    private static partial Regex Other();
}

