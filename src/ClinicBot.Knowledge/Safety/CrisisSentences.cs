namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// Splits a message into sentences (after . ! ? ; and at line breaks) and before the words that turn a sentence
/// ("i would never do it but ..."). Linear in the text's length with no regular expression, so it cannot time out:
/// the crisis check must answer for any input on a starved machine (a regex splitter's timeout was seen to throw
/// there under load).
/// </summary>
internal static class CrisisSentences
{
    /// <summary>The learned signals' turn words (as the shared SentenceSplitter's).</summary>
    public static readonly string[] LearnedTurnWords = ["but", "and then", "so", "pero", "y luego"];

    /// <summary>The lexicon's turn words: a safety cue in one part does not silence the other.</summary>
    public static readonly string[] LexiconTurnWords = ["but", "though", "although", "pero", "aunque"];

    public static IEnumerable<string> Split(string text, IReadOnlyList<string> turnWords)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            var afterTerminator = (i > 0 && text[i - 1] is '.' or '!' or '?' or ';') || text[i] == '\n';
            if (afterTerminator || StartsTurnWord(text, i + 1, turnWords))
            {
                var piece = text[start..i].Trim();
                if (piece.Length > 0) yield return piece;
                start = i + 1;
            }
        }
        var last = text[start..].Trim();
        if (last.Length > 0) yield return last;
    }

    private static bool StartsTurnWord(string text, int at, IReadOnlyList<string> turnWords)
    {
        foreach (var word in turnWords)
        {
            var end = at + word.Length;
            if (end < text.Length && char.IsWhiteSpace(text[end]) && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }
        return false;
    }
}
