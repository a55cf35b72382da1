namespace ClinicBot.Analytics;

/// <summary>Settings under "Staff" for the dashboard's list of questions the bot could not answer.</summary>
public sealed class UnansweredQuestionOptions
{
    /// <summary>Off by default: analytics then keep no text the visitor typed, only counts.</summary>
    public bool KeepUnansweredQuestions { get; set; }

    /// <summary>Kept questions (redacted and encrypted) are erased after this many days.</summary>
    public int UnansweredQuestionRetentionDays { get; set; } = 14;

    public int UnansweredQuestionPurgeIntervalMinutes { get; set; } = 60;
}
