using ClinicBot.Knowledge.Safety.Learned;
using ClinicBot.Knowledge.Safety.Lexicon;
using ClinicBot.Language.Loading;

namespace ClinicBot.Train;

/// <summary>
/// `lexicon`: the crisis lexicon alone on the TUNING split only (the report split is never printed): scores by kind,
/// and with --lines the tuning lines it misses or flags, for reviewing the lexicon's phrases. Needs no model.
/// </summary>
internal static class LexiconReview
{
    public static int Run(RepositoryPaths paths, bool lines, float possible, float definite)
    {
        var lexicon = CrisisLexicon.Load(new DirectoryContentSource(paths.Content)) ?? throw new InvalidDataException("crisis-lexicon.json could not be read.");
        var tuning = CrisisCorpus.Read(paths.Corpus).Where(CrisisCorpus.IsTuning).ToList();
        var read = tuning.Select(e => (Example: e, Reading: lexicon.Read(e.Text))).ToList();
        Console.WriteLine($"tuning split, lexicon alone: score >= {possible:0.00} (possible) / >= {definite:0.00} (definite) / lines");
        foreach (var group in read.GroupBy(r => (r.Example.IsCrisis, r.Example.Kind)).OrderBy(g => g.Key.IsCrisis).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {(group.Key.IsCrisis ? "crisis" : "not"),-7}{group.Key.Kind,-22} {group.Count(r => r.Reading.Score >= possible),4} {group.Count(r => r.Reading.Score >= definite),4} {group.Count(),5}");
        }
        if (!lines) return 0;
        foreach (var (example, reading) in read.Where(r => r.Example.IsCrisis ? r.Reading.Score < definite : r.Reading.Score >= possible))
        {
            Console.WriteLine($"{(example.IsCrisis ? "MISS" : "FLAG")} {reading.Score:0.00} [{string.Join(',', reading.Concepts)}] {example.Kind}: {example.Text}");
        }
        return 0;
    }
}
