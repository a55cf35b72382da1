using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Text;

/// <summary>
/// Turns a message into comparable stems: fold case and accents, pull out clock times and contact details,
/// apply the content's word rewrites (slang, abbreviations, simple Spanish), correct typos towards words the
/// content uses, then stem. Trigger phrases go through the same steps, so both sides meet.
/// </summary>
internal sealed partial class TextAnalyzer
{
    private const int MaxInputLength = 2000;

    private readonly Dictionary<string, string[]> _rewrites;
    private readonly int _longestRewrite;
    private readonly TypoCorrector? _typos;
    private readonly HashSet<string> _knownStems;
    private readonly HashSet<string> _questionWords;
    private readonly HashSet<string> _leadingFillers;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _rewritesBySpan;
    private readonly Dictionary<string, string> _stemOf;

    private TextAnalyzer(Dictionary<string, string[]> rewrites, TypoCorrector? typos, HashSet<string> knownStems, LanguageDocument language,
        Dictionary<string, string> stemOf)
    {
        _rewrites = rewrites;
        _rewritesBySpan = rewrites.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemOf = stemOf;
        _questionWords = (language.QuestionWords ?? []).ToHashSet(StringComparer.Ordinal);
        _leadingFillers = (language.LeadingFillers ?? []).ToHashSet(StringComparer.Ordinal);
        _longestRewrite = rewrites.Count == 0 ? 1 : rewrites.Keys.Max(k => k.Split(' ').Length);
        _typos = typos;
        _knownStems = knownStems;
    }

    /// <summary>Builds an analyzer whose typo correction targets the words of <paramref name="vocabularyPhrases"/>.</summary>
    public static TextAnalyzer Create(LanguageDocument language, IEnumerable<string> vocabularyPhrases)
    {
        var rewrites = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (from, to) in language.Rewrites)
        {
            var key = string.Join(' ', Tokenize(TextFolding.Fold(from)));
            // Two spellings that fold to the same words: the first one written wins.
            if (key.Length > 0) rewrites.TryAdd(key, Tokenize(TextFolding.Fold(to)).ToArray());
        }
        var plain = new TextAnalyzer(rewrites, typos: null, knownStems: [], language, stemOf: []);
        var words = vocabularyPhrases.SelectMany(p => plain.Analyze(p).Words)
            .Concat(rewrites.Values.SelectMany(v => v))
            .Where(w => w.Any(char.IsLetter))
            .ToHashSet(StringComparer.Ordinal);
        var protectedWords = language.CommonWords.Select(TextFolding.Fold).Concat(rewrites.Keys).ToList();
        // Stems of the words messages are made of (the content's and the common ones), worked out once.
        var stemOf = words.Concat(protectedWords).Concat(rewrites.Keys.SelectMany(k => k.Split(' ')))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(w => w, WordStemmer.Stem, StringComparer.Ordinal);
        return new TextAnalyzer(rewrites, new TypoCorrector(words, protectedWords), words.Select(word => stemOf[word]).ToHashSet(StringComparer.Ordinal), language, stemOf);
    }

    public AnalyzedText Analyze(string text)
    {
        var folded = TextFolding.Fold(text.Length > MaxInputLength ? text[..MaxInputLength] : text);
        var hasQuestionMark = folded.Contains('?');

        var stripped = EmailAddress().Replace(folded, " ");
        stripped = PhoneNumber().Replace(stripped, m => m.Value.Count(char.IsDigit) >= 7 ? " " : m.Value);
        var hasContact = stripped != folded;

        var times = new List<TimeOnly>();
        var withTimes = TimeExpressions.Extract(stripped, times);

        var words = new List<string>();
        var inQuestion = new List<bool>();
        foreach (Match clause in Clause().Matches(withTimes))
        {
            var start = words.Count;
            var raw = Tokenize(clause.Groups[1].Value);
            for (var i = 0; i < raw.Count;)
            {
                var consumed = ApplyRewrite(raw, i, words);
                if (consumed > 0)
                {
                    i += consumed;
                    continue;
                }
                words.Add(Correct(raw[i]));
                i++;
            }
            var asks = clause.Groups[2].Value.Contains('?') || StartsWithQuestionWord(words, start);
            inQuestion.AddRange(Enumerable.Repeat(asks, words.Count - start));
        }

        var stems = words.Select(Stem).ToList();
        return new AnalyzedText(folded, words, stems, inQuestion, times, hasQuestionMark, hasContact);
    }

    private bool StartsWithQuestionWord(List<string> words, int start)
    {
        for (var i = start; i < words.Count; i++)
        {
            if (_leadingFillers.Contains(words[i])) continue;
            return _questionWords.Contains(words[i]);
        }
        return false;
    }

    private string Correct(string word)
    {
        if (_typos is null || !char.IsLetter(word[0]) || IsKnown(word)) return word;
        // Stretched words ("heyyy", "sooo"): try with repeated letters squeezed to one.
        var squeezed = RepeatedLetters().Replace(word, "$1");
        if (squeezed != word && IsKnown(squeezed)) return squeezed;
        return _typos.Correct(word);
    }

    private bool IsKnown(string word) => _typos!.IsKnown(word) || _knownStems.Contains(Stem(word));

    private string Stem(string word) => _stemOf.TryGetValue(word, out var stem) ? stem : WordStemmer.Stem(word);

    [GeneratedRegex(@"(\w)\1+")]
    private static partial Regex RepeatedLetters();


    private int ApplyRewrite(List<string> raw, int start, List<string> output)
    {
        Span<char> buffer = stackalloc char[128];
        for (var length = Math.Min(_longestRewrite, raw.Count - start); length >= 1; length--)
        {
            if (TryGetRewrite(raw, start, length, buffer, out var replacement))
            {
                output.AddRange(replacement);
                return length;
            }
        }
        return 0;
    }

    /// <summary>The rewrite of the <paramref name="length"/> words from <paramref name="start"/>, looked up without joining them into a string.</summary>
    private bool TryGetRewrite(List<string> raw, int start, int length, Span<char> buffer, out string[] replacement)
    {
        if (length == 1) return _rewrites.TryGetValue(raw[start], out replacement!);
        var used = 0;
        for (var i = start; i < start + length; i++)
        {
            var word = raw[i];
            if (used + word.Length + 1 > buffer.Length)
            {
                return _rewrites.TryGetValue(string.Join(' ', raw.GetRange(start, length)), out replacement!);
            }
            if (i > start) buffer[used++] = ' ';
            word.CopyTo(buffer[used..]);
            used += word.Length;
        }
        return _rewritesBySpan.TryGetValue(buffer[..used], out replacement!);
    }

    private static List<string> Tokenize(string folded) =>
        NonWord().Replace(Apostrophe().Replace(folded, ""), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToList();

    /// <summary>A clause and the punctuation that ends it.</summary>
    [GeneratedRegex(@"([^,.;!?]*)([,.;!?]+|$)")]
    private static partial Regex Clause();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?<!\d)\+?\d[\d\s().-]{5,}\d(?!\d)")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"'")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"[^a-z0-9#]+")]
    private static partial Regex NonWord();
}
