using ClinicBot.Knowledge.Text;
using ClinicBot.Language.Text;

namespace ClinicBot.Knowledge.Recognition;

/// <summary>Reads which day or time a message asks about ("open saturday?", "at 7pm", "tonight", "christmas").</summary>
internal sealed class MomentReader(IEnumerable<string> holidayWords)
{
    private readonly HashSet<string> _holidayStems = holidayWords.Select(w => WordStemmer.Stem(TextFolding.Fold(w))).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, DayReference> DayWords = new(StringComparer.Ordinal)
    {
        ["today"] = DayReference.Today, ["tomorrow"] = DayReference.Tomorrow,
        ["weekend"] = DayReference.Weekend, ["weekends"] = DayReference.Weekend,
        ["monday"] = DayReference.Monday, ["mondays"] = DayReference.Monday,
        ["tuesday"] = DayReference.Tuesday, ["tuesdays"] = DayReference.Tuesday,
        ["wednesday"] = DayReference.Wednesday, ["wednesdays"] = DayReference.Wednesday,
        ["thursday"] = DayReference.Thursday, ["thursdays"] = DayReference.Thursday,
        ["friday"] = DayReference.Friday, ["fridays"] = DayReference.Friday,
        ["saturday"] = DayReference.Saturday, ["saturdays"] = DayReference.Saturday,
        ["sunday"] = DayReference.Sunday, ["sundays"] = DayReference.Sunday,
    };

    private static readonly HashSet<string> EveningWords = new(StringComparer.Ordinal) { "tonight", "evening", "evenings", "night" };

    public AskedMoment Read(AnalyzedText text)
    {
        var days = new List<DayReference>();
        var evening = false;
        var holiday = false;
        for (var i = 0; i < text.Words.Count; i++)
        {
            var word = text.Words[i];
            if (DayWords.TryGetValue(word, out var day) && !days.Contains(day)) days.Add(day);
            if (EveningWords.Contains(word))
            {
                evening = true;
                if (word == "tonight" && !days.Contains(DayReference.Today)) days.Add(DayReference.Today);
            }
            if (_holidayStems.Contains(text.Stems[i])) holiday = true;
        }
        return new AskedMoment(days, text.Times.Count > 0 ? text.Times[0] : null, evening, holiday);
    }
}
