using ClinicBot.Embeddings;
using ClinicBot.Knowledge.Learning;
using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Language.Loading;

namespace ClinicBot.Knowledge.Loading;

/// <summary>
/// The trained models of Content/model/ (written by tools/ClinicBot.Train) and the sentence embedder they share.
/// A model file that is missing or broken is left out with a warning (the embedded copy is tried first): the
/// lexicon and the crisis patterns keep working without it.
/// </summary>
internal sealed record LearnedModels(TopicModel? Topics, CrisisModelDocument? Crisis, SentenceEmbedder? Embedder)
{
    public const string TopicModelFile = "model/topic-model.json";
    public const string CrisisModelFile = "model/crisis-model.json";

    public static LearnedModels Load(IContentSource source, SentenceEmbedder? embedder, ICollection<string> warnings) => new(
        ReadOrWarn(source, TopicModelFile, s => TopicModel.FromDocument(ContentJson.Read<TopicModelDocument>(s, TopicModelFile)), warnings),
        ReadOrWarn(source, CrisisModelFile, s => ContentJson.Read<CrisisModelDocument>(s, CrisisModelFile), warnings),
        embedder);

    private static T? ReadOrWarn<T>(IContentSource source, string file, Func<IContentSource, T> read, ICollection<string> warnings) where T : class
    {
        foreach (var candidate in new IContentSource[] { source, KnowledgeContent.Embedded }.Distinct())
        {
            try
            {
                return read(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                warnings.Add($"{file} from {candidate.Description} could not be used ({ex.Message}).");
            }
        }
        return null;
    }
}
