using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>The concepts one sentence (or two neighbouring ones) carries, before they are combined into a score.</summary>
internal sealed class SentenceConcepts
{
    /// <summary>No concepts: none found, or the sentence says the person is safe.</summary>
    public static SentenceConcepts Empty { get; } = new();

    /// <summary>Per concept: its strongest phrase's weight (after the clinical discount) and whether that phrase was Spanish.</summary>
    public Dictionary<string, (float Weight, bool Spanish)> Strongest { get; } = new(StringComparer.Ordinal);

    public bool Past { get; init; }

    public bool ThirdPerson { get; init; }

    public bool FirstPerson { get; init; }
}

/// <summary>
/// Reads one sentence against the lexicon: chat spellings rewritten, fillers dropped, figurative uses blanked,
/// concept phrases found, each dropped when a negation cue stands just before it in the same clause (or, for the
/// phrases that need one, kept only then); a clinical phrase discounted in a question about the treatment. Then
/// <see cref="Score"/> combines the concepts (noisy-OR, plus a bonus for each further concept), discounts the past,
/// and gives nothing for a sentence that says the person is safe.
/// </summary>
internal sealed class LexiconSentenceScorer
{
    private readonly PhraseSet<ConceptGroup> _concepts;
    private readonly PhraseSet<bool> _figurative;
    private readonly PhraseSet<bool> _negation;
    private readonly PhraseSet<bool> _safety;
    private readonly PhraseSet<bool> _treatment;
    private readonly PhraseSet<bool> _past;
    private readonly PhraseSet<bool> _firstPerson;
    private readonly PhraseSet<bool> _thirdPerson;
    private readonly LexiconScoringDocument _scoring;
    private readonly Dictionary<string, string[]> _rewrites;
    private readonly HashSet<string> _fillers;
    private readonly HashSet<string> _subjects;

    public LexiconSentenceScorer(CrisisLexiconDocument document)
    {
        if (document.Groups.Count == 0) throw new InvalidDataException("The crisis lexicon has no concepts.");
        var cues = document.Cues;
        _fillers = new HashSet<string>(cues.Fillers ?? [], StringComparer.Ordinal);
        _subjects = new HashSet<string>(cues.Subjects ?? [], StringComparer.Ordinal);
        _concepts = new PhraseSet<ConceptGroup>(document.Groups.SelectMany(g => g.Phrases.Select(p => (WithoutFillers(p), ConceptGroup.From(g)))));
        _figurative = Set(cues.Figurative);
        _negation = Set(cues.Negation);
        _safety = Set(cues.Safety);
        _treatment = Set(cues.Treatment);
        _past = Set(cues.Past);
        _firstPerson = Set(cues.FirstPerson);
        _thirdPerson = Set(cues.ThirdPerson);
        _scoring = document.Scoring;
        _rewrites = (cues.Rewrites ?? []).ToDictionary(r => r.Key, r => r.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }

    public bool CombinesAdjacentSentences => _scoring.AdjacentSentences;

    /// <param name="folded">One sentence, folded (<see cref="TextFolding.Fold"/>).</param>
    public SentenceConcepts Read(string folded)
    {
        var tokens = Prepare(WordTokenizer.Tokens(folded));
        if (tokens.Count == 0) return SentenceConcepts.Empty;
        var words = tokens.Select(t => t.Text).ToArray();
        foreach (var match in _figurative.Matches(words))
        {
            for (var i = match.Start; i < match.End; i++) words[i] = LexiconPhrase<bool>.Blank;
        }

        var found = _concepts.Matches(words);
        if (found.Count == 0) return SentenceConcepts.Empty;
        if (_safety.Any(words)) return SentenceConcepts.Empty;

        var negationEnds = _negation.Matches(words).Select(m => m.End - 1).ToList();
        var treatment = _treatment.Any(words);
        var concepts = new SentenceConcepts { Past = _past.Any(words), ThirdPerson = _thirdPerson.Any(words), FirstPerson = _firstPerson.Any(words) };
        foreach (var match in found)
        {
            var group = match.Payload;
            if (IsNegated(match.Start, negationEnds, words) != group.NeedsNegation) continue;
            var weight = group.Clinical && treatment ? group.Weight * _scoring.ClinicalFactor : group.Weight;
            if (!concepts.Strongest.TryGetValue(group.Concept, out var best) || weight > best.Weight) concepts.Strongest[group.Concept] = (weight, group.Spanish);
        }
        return concepts;
    }

    /// <summary>Two neighbouring sentences read as one, each concept at its stronger weight (both must carry some).</summary>
    public static SentenceConcepts Join(SentenceConcepts first, SentenceConcepts second)
    {
        var joined = new SentenceConcepts { Past = first.Past || second.Past, ThirdPerson = first.ThirdPerson || second.ThirdPerson, FirstPerson = first.FirstPerson || second.FirstPerson };
        foreach (var (concept, value) in first.Strongest.Concat(second.Strongest))
        {
            if (!joined.Strongest.TryGetValue(concept, out var best) || value.Weight > best.Weight) joined.Strongest[concept] = value;
        }
        return joined;
    }

    public LexiconReading Score(SentenceConcepts concepts)
    {
        if (concepts.Strongest.Count == 0) return LexiconReading.None;
        var none = 1f;
        foreach (var (weight, _) in concepts.Strongest.Values) none *= 1f - weight;
        var score = Math.Min(1f, 1f - none + _scoring.CooccurrenceBonus * (concepts.Strongest.Count - 1));
        if (concepts.Past) score *= _scoring.PastFactor;

        var total = concepts.Strongest.Values.Sum(v => v.Weight);
        var spanish = concepts.Strongest.Values.Where(v => v.Spanish).Sum(v => v.Weight) > total / 2;
        var speaker = concepts.ThirdPerson && !concepts.FirstPerson ? CrisisSpeaker.Other : CrisisSpeaker.Self;
        return new LexiconReading(score, concepts.Strongest.Keys.Order(StringComparer.Ordinal).ToList(), speaker, spanish);
    }

    private PhraseSet<bool> Set(IEnumerable<string> phrases) => PhraseSet<bool>.Of(phrases.Select(WithoutFillers).Where(p => p.Length > 0));

    private string WithoutFillers(string phrase) => string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !_fillers.Contains(w)));

    /// <summary>Chat spellings as the words the phrases are written in ("wanna" → "want to"); fillers ("just", "honestly") dropped.</summary>
    private List<WordToken> Prepare(List<WordToken> tokens)
    {
        var prepared = new List<WordToken>(tokens.Count + 8);
        foreach (var token in tokens)
        {
            if (_fillers.Contains(token.Text)) continue;
            // After a number a chat spelling is a unit: "5 kms" is kilometres.
            var afterNumber = prepared.Count > 0 && prepared[^1].Text.All(char.IsDigit);
            if (afterNumber || !_rewrites.TryGetValue(token.Text, out var words))
            {
                prepared.Add(token);
                continue;
            }
            for (var i = 0; i < words.Length; i++) prepared.Add(new WordToken(words[i], i == 0 && token.StartsClause));
        }
        return prepared;
    }

    /// <summary>
    /// A negation cue ends within the window before the phrase, with no subject word ("i", "im", "she") between them
    /// or opening the phrase: "if this doesnt work im done" is not a negated "im done".
    /// </summary>
    private bool IsNegated(int start, List<int> negationEnds, string[] words)
    {
        if (_subjects.Contains(words[start])) return false;
        foreach (var end in negationEnds)
        {
            if (end >= start || end < start - _scoring.NegationWindow) continue;
            var sameClause = true;
            for (var i = end + 1; i < start; i++)
            {
                if (_subjects.Contains(words[i]) || words[i] == LexiconPhrase<bool>.Blank) sameClause = false;
            }
            if (sameClause) return true;
        }
        return false;
    }
}
