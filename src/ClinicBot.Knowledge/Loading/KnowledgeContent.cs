using ClinicBot.Language.Loading;

namespace ClinicBot.Knowledge.Loading;

/// <summary>The Knowledge content files embedded in this assembly (see the Content item group of the project).</summary>
public static class KnowledgeContent
{
    public static EmbeddedContentSource Embedded { get; } = new(typeof(KnowledgeContent).Assembly, "ClinicBot.Knowledge.Content/");
}
