namespace ClinicBot.Knowledge.Safety.Lexicon;

/// <summary>What a concept phrase stands for: its concept, language, weight, and whether a treatment question discounts it.</summary>
internal sealed record ConceptGroup(string Concept, bool Spanish, float Weight, bool Clinical, bool NeedsNegation)
{
    public static ConceptGroup From(ConceptGroupDocument document)
    {
        if (document.Weight is <= 0f or > 1f) throw new InvalidDataException($"Lexicon concept '{document.Concept}': weight {document.Weight} is not in (0, 1].");
        return new ConceptGroup(document.Concept, document.Lang == "es", document.Weight, document.Clinical, document.NeedsNegation);
    }
}
