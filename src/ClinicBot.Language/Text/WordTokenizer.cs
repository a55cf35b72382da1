using System.Text;

namespace ClinicBot.Language.Text;

/// <summary>A word and whether punctuation (, . ; : ! ? or a dash) ended the clause before it.</summary>
public readonly record struct WordToken(string Text, bool StartsClause);

/// <summary>
/// How <see cref="WordTokenizer"/> cuts words. <see cref="Default"/> (understanding, crisis, classification) drops
/// apostrophes inside words ("don't" → "dont") and reads a dash as a clause break; <see cref="KeepingApostrophes"/>
/// (the booking dialog's command and answer words, whose lists spell "don't" and "i'll") keeps them inside a word
/// and reads a dash as a space ("e-mail", "follow-up").
/// </summary>
public sealed record WordTokenizerStyle(bool KeepsApostrophes, bool DashEndsClause)
{
    public static readonly WordTokenizerStyle Default = new(KeepsApostrophes: false, DashEndsClause: true);

    public static readonly WordTokenizerStyle KeepingApostrophes = new(KeepsApostrophes: true, DashEndsClause: false);
}

/// <summary>Words of folded text: runs of letters and digits, cut as <see cref="WordTokenizerStyle"/> says.</summary>
public static class WordTokenizer
{
    public static List<string> Words(string folded) => Tokens(folded).Select(token => token.Text).ToList();

    public static List<WordToken> Tokens(string folded) => Tokens(folded, WordTokenizerStyle.Default);

    public static List<WordToken> Tokens(string folded, WordTokenizerStyle style)
    {
        var tokens = new List<WordToken>();
        var current = new StringBuilder();
        var clauseBreak = true;

        void EndWord()
        {
            var word = style.KeepsApostrophes ? current.ToString().Trim('\'') : current.ToString();
            current.Clear();
            if (word.Length > 0)
            {
                tokens.Add(new WordToken(word, clauseBreak));
                clauseBreak = false;
            }
        }

        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || (c == '\'' && style.KeepsApostrophes))
            {
                current.Append(c);
                continue;
            }
            if (c == '\'') continue;
            EndWord();
            if (c is ',' or '.' or ';' or ':' or '!' or '?' || (c == '-' && style.DashEndsClause)) clauseBreak = true;
        }
        EndWord();
        return tokens;
    }
}
