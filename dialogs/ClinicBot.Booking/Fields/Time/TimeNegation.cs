namespace ClinicBot.Booking.Fields.Time;

/// <summary>
/// Marks days and times the person ruled out: a negation just before ("not monday", "except friday") or a
/// refusal just after in the same clause ("weekdays don't work", "mornings are bad"). A refusal after applies
/// only to the nearest mention before it.
/// </summary>
internal static class TimeNegation
{
    private static readonly HashSet<string> ButNegators = ["anything", "any", "day", "days", "time", "whenever", "anytime"];

    public static Mention Apply(Mention mention, IReadOnlyList<string> tokens, IReadOnlyList<Mention> all)
    {
        return IsNegatedBefore(mention, tokens) || IsNegatedAfter(mention, tokens, all)
            ? mention with { Negated = true }
            : mention;
    }

    /// <summary>"not before 10" means from 10 on.</summary>
    public static TimeMention FlipNegatedBefore(TimeMention mention) =>
        mention is TimeRangeMention { Negated: true, From: null, To: { } to }
            ? new TimeRangeMention(to, null) { Start = mention.Start, End = mention.End }
            : mention;

    private static bool IsNegatedBefore(Mention mention, IReadOnlyList<string> tokens)
    {
        for (var k = mention.Start - 1; k >= 0 && k >= mention.Start - 2; k--)
        {
            var word = tokens[k];
            if (word == TimeTokenizer.ClauseBreak)
            {
                return false;
            }

            if (TimeVocabulary.NegationsBefore.Contains(word))
            {
                return true;
            }

            if (word == "but" && k > 0 && ButNegators.Contains(tokens[k - 1]))
            {
                return true;
            }

            if (word == "than" && k > 0 && tokens[k - 1] == "other")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegatedAfter(Mention mention, IReadOnlyList<string> tokens, IReadOnlyList<Mention> all)
    {
        var nextMentionStart = all.Where(m => m.Start > mention.End).Select(m => m.Start).DefaultIfEmpty(int.MaxValue).Min();
        for (var k = mention.End + 1; k < tokens.Count && k <= mention.End + 4 && k < nextMentionStart; k++)
        {
            if (tokens[k] == TimeTokenizer.ClauseBreak)
            {
                return false;
            }

            foreach (var phrase in TimeVocabulary.NegationsAfter)
            {
                if (k + phrase.Length <= tokens.Count && phrase.Select((w, n) => tokens[k + n] == w).All(x => x))
                {
                    // "monday not tuesday": the "not" belongs to what follows it.
                    var negatesWhatFollows = phrase is ["not"] && k + 1 == nextMentionStart;
                    if (!negatesWhatFollows)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
