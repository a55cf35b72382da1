using System.Text;

namespace ClinicBot.Language.Text;

/// <summary>A word and whether punctuation (, . ; : ! ? or a dash) ended the clause before it.</summary>
public readonly record struct WordToken(string Text, bool StartsClause);

/// <summary>Words of folded text: runs of letters and digits; apostrophes dropped inside words ("don't" → "dont").</summary>
public static class WordTokenizer
{
    public static List<string> Words(string folded) => Tokens(folded).Select(token => token.Text).ToList();

    public static List<WordToken> Tokens(string folded)
    {
        var tokens = new List<WordToken>();
        var current = new StringBuilder();
        var clauseBreak = true;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }
            if (c == '\'') continue;
            if (current.Length > 0)
            {
                tokens.Add(new WordToken(current.ToString(), clauseBreak));
                current.Clear();
                clauseBreak = false;
            }
            if (c is ',' or '.' or ';' or ':' or '!' or '?' or '-') clauseBreak = true;
        }
        if (current.Length > 0) tokens.Add(new WordToken(current.ToString(), clauseBreak));
        return tokens;
    }
}
