namespace ClinicBot.Knowledge.Safety;

/// <summary>
/// The fixed, reviewed safety texts of crisis.json: the crisis reply for the writer, for someone worried about
/// another person, and in Spanish; the check-in added to an answer when a crisis is possible; and the short
/// supportive lines used for the rest of a conversation after a crisis reply.
/// </summary>
public sealed record CrisisTexts(
    string Reply,
    string ReplyOther,
    string ReplySpanish,
    string CheckIn,
    string CheckInSpanish,
    IReadOnlyList<string> Supportive,
    IReadOnlyList<string> SupportiveSpanish,
    string SupportiveGoodbye,
    string SupportiveGoodbyeSpanish)
{
    /// <summary>The fixed reply for this assessment: Spanish first (it covers both speakers), then someone else, then the writer.</summary>
    public string ReplyFor(CrisisAssessment assessment) =>
        assessment.Spanish ? ReplySpanish : assessment.Speaker == CrisisSpeaker.Other ? ReplyOther : Reply;

    public string CheckInFor(CrisisAssessment assessment) => assessment.Spanish ? CheckInSpanish : CheckIn;

    /// <summary>The supportive line for the n-th distress message after a crisis reply (they take turns).</summary>
    public string SupportiveLine(int index, bool spanish)
    {
        var lines = spanish ? SupportiveSpanish : Supportive;
        return lines[index % lines.Count];
    }

    public string Goodbye(bool spanish) => spanish ? SupportiveGoodbyeSpanish : SupportiveGoodbye;
}
