using ClinicBot.Booking;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Understanding;
using ClinicBot.Knowledge;

namespace ClinicBot.TextBench;

/// <summary>
/// The understanding work the bot does per message, split the way the profile shows it. Each pass runs over all
/// messages once and returns how many messages it handled.
/// </summary>
internal sealed class Workloads(ClinicKnowledge knowledge, MessageSet messages)
{
    /// <summary>A fixed moment (Tuesday 1 December 2026, 10:00 Central) so booking results are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);

    private readonly BookingMessageReader _reader = new();
    private readonly BookingCommandRecognizer _commands = new();
    private readonly CrisisCheck[] _checkedQuestions = messages.Questions.Select(knowledge.CheckCrisis).ToArray();
    private readonly string[] _all = messages.AllTexts.ToArray();

    /// <summary>The crisis patterns over every message (the bot runs them first on every turn).</summary>
    public int Crisis()
    {
        foreach (var text in _all) knowledge.CheckCrisis(text);
        return _all.Length;
    }

    /// <summary>Topic understanding of the question messages, crisis verdict already known (as in the bot).</summary>
    public int Understand()
    {
        foreach (var check in _checkedQuestions) knowledge.Understand(check);
        return _checkedQuestions.Length;
    }

    /// <summary>
    /// Booking messages as the booking dialog reads them: the first one with ReadAll; the others through the
    /// command check and one read at the pending question (the dialog reads each message twice: its peek at the
    /// pending question and the prompt's own read).
    /// </summary>
    public int Booking()
    {
        foreach (var turn in messages.BookingTurns)
        {
            if (turn.Step is not { } step)
            {
                _reader.ReadAll(turn.Text, Now, null);
                continue;
            }
            _commands.Recognize(turn.Text);
            _reader.Read(step, turn.Text, null, Now, null, []);
        }
        return messages.BookingTurns.Count;
    }
}
