namespace ClinicBot.Knowledge.Safety.Lexicon;

// The shape of Content/crisis-lexicon.json (see the comments in the file).

/// <summary>The crisis lexicon file: risk concepts as weighted phrase groups, the cues that qualify them, and how they combine.</summary>
internal sealed record CrisisLexiconDocument(int Version, List<ConceptGroupDocument> Groups, LexiconCuesDocument Cues, LexiconScoringDocument Scoring);

/// <summary>Phrases of one risk concept in one language, all with the same weight.</summary>
/// <param name="Clinical">Phrases that also belong to questions about the treatment's own risks ("overdose", "lethal"):
/// they count for less in a sentence with a treatment cue.</param>
/// <param name="NeedsNegation">Phrases that carry risk only when negated ("want to live" in "i dont want to live",
/// "make it through the night" in "i wont make it through the night").</param>
internal sealed record ConceptGroupDocument(string Concept, string Lang, float Weight, List<string> Phrases, bool Clinical = false, bool NeedsNegation = false);

internal sealed record LexiconCuesDocument(
    List<string> FirstPerson,
    List<string> ThirdPerson,
    List<string> Negation,
    List<string> Safety,
    List<string> Treatment,
    List<string> Past,
    List<string> Figurative,
    Dictionary<string, string>? Rewrites = null,
    List<string>? Fillers = null,
    List<string>? Subjects = null);

/// <param name="AdjacentSentences">Also combine the concepts of each two neighbouring sentences ("thank you for everything. i'm done.").</param>
internal sealed record LexiconScoringDocument(int NegationWindow, float CooccurrenceBonus, float ClinicalFactor, float PastFactor, bool AdjacentSentences = false);
