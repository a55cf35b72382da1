using ClinicBot.Knowledge.Text;
using ClinicBot.Language.Text;
using ClinicBot.Language.Time;

namespace ClinicBot.Knowledge.Recognition;

/// <summary>Reads which day or time a message asks about ("open saturday?", "at 7pm", "tonight", "christmas").</summary>
internal sealed class MomentReader(IEnumerable<string> holidayWords)
{
    private readonly HashSet<string> _holidayStems = holidayWords.Select(w => WordStemmer.Stem(TextFolding.Fold(w))).ToHashSet(StringComparer.Ordinal);

    // Day names are the shared time words' (ClinicBot.Language time-words.json); plural forms ("saturdays") count too.
    private static readonly IReadOnlyDictionary<string, DayOfWeek> DayNames = TimeWords.Default.FullDayNames;

    private static readonly HashSet<string> EveningWords = new(StringComparer.Ordinal) { "tonight", "evening", "evenings", "night" };

    public AskedMoment Read(AnalyzedText text)
    {
        var days = new List<DayReference>();
        var evening = false;
        var holiday = false;
        for (var i = 0; i < text.Words.Count; i++)
        {
            var word = text.Words[i];
            if (DayOf(word) is { } day && !days.Contains(day)) days.Add(day);
            if (EveningWords.Contains(word))
            {
                evening = true;
                if (word == "tonight" && !days.Contains(DayReference.Today)) days.Add(DayReference.Today);
            }
            if (_holidayStems.Contains(text.Stems[i])) holiday = true;
        }
        return new AskedMoment(days, text.Times.Count > 0 ? text.Times[0] : null, evening, holiday);
    }

    private static DayReference? DayOf(string word) => word switch
    {
        "today" => DayReference.Today,
        "tomorrow" => DayReference.Tomorrow,
        "weekend" or "weekends" => DayReference.Weekend,
        _ when DayNames.TryGetValue(word, out var day) || (word.EndsWith('s') && DayNames.TryGetValue(word[..^1], out day)) => ToReference(day),
        _ => null,
    };

    private static DayReference ToReference(DayOfWeek day) => Enum.Parse<DayReference>(day.ToString());
}
