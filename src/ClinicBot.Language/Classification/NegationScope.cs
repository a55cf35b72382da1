using ClinicBot.Language.Text;

namespace ClinicBot.Language.Classification;

/// <summary>
/// Which words stand inside a negation ("not how fast, how long it lasts"; "i dont need the number, call me"):
/// from a cue word to the end of its clause or to a word that turns the sentence back ("but", "just").
/// A model that sees negated words as features of their own stops reading "not booking" as booking.
/// The cue lists are part of a trained model (stored in its file), not content to edit on its own.
/// </summary>
public sealed record NegationScope(IReadOnlyList<string> Cues, IReadOnlyList<string> Breakers)
{
    public bool[] Mark(IReadOnlyList<WordToken> tokens)
    {
        var negated = new bool[tokens.Count];
        var inScope = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (tokens[i].StartsClause || (Breakers.Contains(word) && !Cues.Contains(word))) inScope = false;
            negated[i] = inScope;
            if (Cues.Contains(word)) inScope = true;
        }
        return negated;
    }
}
