using ClinicBot.Knowledge.Loading;
using ClinicBot.Language.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>
/// The crisis lexicon (<c>Content/crisis-lexicon.json</c>): reads every sentence of a message, whatever its length,
/// and gives the riskiest one's score. One of the crisis check's independent signals; it does not share the
/// patterns' failure mode (one exact wording) nor the learned models' (wording unlike their corpus). Pure
/// computation after loading: no I/O, thread-safe.
/// </summary>
public sealed class CrisisLexicon
{
    internal const string FileName = "crisis-lexicon.json";

    private readonly LexiconSentenceScorer _scorer;

    internal CrisisLexicon(CrisisLexiconDocument document)
    {
        if (document.Version != 1) throw new InvalidDataException($"Crisis lexicon version {document.Version} is not 1.");
        _scorer = new LexiconSentenceScorer(document);
    }

    /// <summary>
    /// Loads the lexicon from <paramref name="source"/>, else the copy embedded in the assembly; null (with a warning)
    /// when neither can be used: the other crisis signals then answer without it.
    /// </summary>
    public static CrisisLexicon? Load(IContentSource source, ICollection<string>? warnings = null)
    {
        foreach (var candidate in new IContentSource[] { source, KnowledgeContent.Embedded }.Distinct())
        {
            try
            {
                return new CrisisLexicon(ContentJson.Read<CrisisLexiconDocument>(candidate, FileName));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                warnings?.Add($"{FileName} from {candidate.Description} could not be used ({ex.Message}).");
            }
        }
        return null;
    }

    /// <summary>The riskiest sentence's reading (<see cref="LexiconReading.None"/> when no sentence carries risk).</summary>
    public LexiconReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return LexiconReading.None;
        var riskiest = LexiconReading.None;
        SentenceConcepts? previous = null;
        foreach (var sentence in CrisisSentences.Split(TextFolding.Fold(text), CrisisSentences.LexiconTurnWords))
        {
            var concepts = _scorer.Read(sentence);
            riskiest = Riskier(riskiest, _scorer.Score(concepts));
            if (_scorer.CombinesAdjacentSentences && previous is { Strongest.Count: > 0 } && concepts.Strongest.Count > 0)
            {
                riskiest = Riskier(riskiest, _scorer.Score(LexiconSentenceScorer.Join(previous, concepts)));
            }
            previous = concepts;
        }
        return riskiest;
    }

    private static LexiconReading Riskier(LexiconReading a, LexiconReading b) => b.Score > a.Score ? b : a;
}
