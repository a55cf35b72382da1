using System.Text;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Knowledge.Text;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// Recognises explicit and indirect crisis language with the reviewed patterns of crisis.json. Figurative or
/// negated uses ("dying to know", "killing my motivation", "i'm not suicidal") are blanked out first.
/// Pure computation after construction: no I/O, thread-safe. If crisis.json cannot be read, the copy
/// embedded in the assembly is used, so the crisis reply never depends on files or storage.
/// </summary>
public sealed class CrisisDetector
{
    public const string Explicit = "explicit";
    public const string Indirect = "indirect";

    /// <summary>The patterns ran out of time (a pathological input, or a starved machine): neither a yes nor a no.</summary>
    public const string Undecided = "undecided";

    private static readonly Lazy<CrisisDetector> EmbeddedInstance =
        new(() => new CrisisDetector(ContentJson.Read<CrisisDocument>(KnowledgeContent.Embedded, FileName)));

    internal const string FileName = "crisis.json";

    // Compiling takes a few hundred milliseconds of CPU: on a two-core machine it would slow the app's start if it
    // ran alongside it, so it waits until the start is over.
    private static readonly TimeSpan CompileDelay = TimeSpan.FromSeconds(3);

    private readonly TypoCorrector _typos;
    private readonly List<string> _safePhrases;
    private CrisisPatterns[] _patternSets;

    /// <param name="compile">False keeps the interpreted patterns (tests compare both).</param>
    /// <param name="compileAfter">How long to wait before compiling (default <see cref="CompileDelay"/>).</param>
    internal CrisisDetector(CrisisDocument document, bool compile = true, TimeSpan? compileAfter = null)
    {
        Reply = document.Reply;
        MatchesMayBeOverruled = document.MatchesMayBeOverruled;
        Suggestions = document.Suggestions ?? [];
        if (document.Supportive.Count == 0 || document.SupportiveSpanish.Count == 0) throw new InvalidDataException("crisis.json needs supportive lines in English and Spanish.");
        _safePhrases = document.SafePhrases.Select(p => string.Join(' ', WordTokenizer.Words(TextFolding.Fold(p)))).ToList();
        Texts = new CrisisTexts(document.Reply, document.ReplyOther, document.ReplySpanish, document.CheckIn, document.CheckInSpanish,
            document.Supportive, document.SupportiveSpanish, document.SupportiveGoodbye, document.SupportiveGoodbyeSpanish);
        _typos = new TypoCorrector(document.Vocabulary, document.ProtectedWords ?? []);
        _patternSets = [new CrisisPatterns(document, compiled: false)];
        Detect("warm up the patterns"); // the first match pays the regex set-up cost, not the first visitor
        var delay = compileAfter ?? CompileDelay;
        PatternsCompiled = compile ? Task.Run(async () => { await Task.Delay(delay).ConfigureAwait(false); Compile(document); }) : Task.CompletedTask;
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

    /// <summary>
    /// Whether crisis.json lets the other signals overrule a match when every one of them reads the message as not even
    /// a possible crisis (<see cref="CrisisAssessor.PatternOverruled"/>: the match then gives a check-in, not the crisis
    /// reply). False when the file does not say so.
    /// </summary>
    public bool MatchesMayBeOverruled { get; }

    /// <summary>The fixed, reviewed crisis reply.</summary>
    public string Reply { get; }

    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>
    /// Whether the person says they are safe now ("i'm safe", "estoy bien"): one of the ways supportive mode ends.
    /// Whole words of the folded text, so "i'm not safe" is not "i'm safe".
    /// </summary>
    public bool SaysSafe(string text)
    {
        var words = " " + string.Join(' ', WordTokenizer.Words(TextFolding.Fold(text))) + " ";
        return _safePhrases.Any(phrase => words.Contains(" " + phrase + " ", StringComparison.Ordinal));
    }

    /// <summary>All the fixed safety texts (the replies by speaker and language, the check-in, the supportive lines).</summary>
    public CrisisTexts Texts { get; }

    /// <summary>
    /// Completes when the compiled patterns have replaced the interpreted ones the detector starts with
    /// (<see cref="UsesCompiledPatterns"/> tells whether compiling succeeded). Compiling takes a few hundred
    /// milliseconds, so it happens in the background a few seconds after construction; both give the same verdicts.
    /// </summary>
    public Task PatternsCompiled { get; }

    /// <summary>True once the compiled patterns are in use.</summary>
    public bool UsesCompiledPatterns => Volatile.Read(ref _patternSets)[0].IsCompiled;

    public bool IsCrisis(string? text) => Detect(text) is Explicit or Indirect;

    /// <summary>"explicit", "indirect", "undecided" (timed out) or null.</summary>
    public string? Detect(string? text) => Detect(text, CrisisPatterns.ForThisProcessor(Volatile.Read(ref _patternSets)));

    private string? Detect(string? text, CrisisPatterns patterns)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = Normalize(text, patterns);
        try
        {
            if (patterns.IsExplicit(normalized)) return Explicit;
            if (patterns.IsIndirect(normalized)) return Indirect;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input (or a machine so loaded the patterns time out) must not silence the check, nor
            // send the full crisis reply to an ordinary message: the assessor makes it a possible crisis (a check-in).
            return Undecided;
        }
        return null;
    }

    private void Compile(CrisisDocument document)
    {
        try
        {
            var compiled = CrisisPatterns.CompiledPerProcessor(document);
            foreach (var set in compiled)
            {
                Detect("warm up the compiled patterns", set); // their code is compiled on first use: here, not on a visit
            }

            Volatile.Write(ref _patternSets, compiled);
        }
        catch (Exception)
        {
            // The interpreted patterns keep working; compiling is only about speed.
        }
    }

    /// <summary>
    /// Folded text as words the patterns expect: apostrophes dropped ("don't" → "dont"), each of . ! ? , ; its own
    /// word, anything else but a-z and 0-9 a word break; words starting with a letter typo-corrected; then the
    /// rewrites and the blanking of figurative uses.
    /// </summary>
    private string Normalize(string text, CrisisPatterns patterns)
    {
        // The whole message, however long: a crisis sentence at the end of a long message counts as much as a short one.
        var folded = TextFolding.Fold(text);
        var words = new StringBuilder(folded.Length + 16);
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (c == '\'') continue;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                word.Append(c);
                continue;
            }
            AppendWord(words, word);
            if (c is '.' or '!' or '?' or ',' or ';') AppendWord(words, word.Append(c));
        }
        AppendWord(words, word);
        return patterns.Rewrite(words.ToString());
    }

    private void AppendWord(StringBuilder words, StringBuilder word)
    {
        if (word.Length == 0) return;
        var value = word.ToString();
        word.Clear();
        if (words.Length > 0) words.Append(' ');
        words.Append(value[0] is >= 'a' and <= 'z' ? _typos.Correct(value) : value);
    }
}
