using System.Text.RegularExpressions;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// Plays the visitor in a booking through any way of sending a message: answers whatever the bot asks (name,
/// phone, email skipped, a weekday afternoon, a offered time, "yes" at the summary) until the bot says
/// "You're booked" and gives a reference.
/// </summary>
public sealed partial class BookingPlayer(string name, string phone = "832-555-0142")
{
    private const int MaxTurns = 14;

    public string Name { get; } = name;

    public string Phone { get; } = phone;

    /// <summary>The bot questions asked during <see cref="CompleteAsync"/>, in order (e.g. to check none was asked twice).</summary>
    public List<BookingQuestion> Asked { get; } = [];

    /// <summary>Says <paramref name="opening"/> and answers until booked; returns the booking reference.</summary>
    public async Task<string> CompleteAsync(Func<string, int, Task<IReadOnlyList<BotReply>>> say, string opening = "I'd like to book a free call")
    {
        var replies = await say(opening, 0);
        return await ContinueAsync(say, replies, startTurn: 1);
    }

    /// <summary>Goes on from the replies the bot last sent; <paramref name="say"/> gets the text and the turn number.</summary>
    public async Task<string> ContinueAsync(Func<string, int, Task<IReadOnlyList<BotReply>>> say, IReadOnlyList<BotReply> replies, int startTurn = 0)
    {
        for (var turn = startTurn; turn < startTurn + MaxTurns; turn++)
        {
            if (Reference(replies) is { } reference)
            {
                return reference;
            }

            var question = Classify(replies);
            Asked.Add(question);
            var answer = question switch
            {
                BookingQuestion.Name => Name,
                BookingQuestion.Phone => Phone,
                BookingQuestion.Email => "skip",
                BookingQuestion.OfferedTime => replies.Last(reply => reply.Suggestions.Count > 0).Suggestions[0],
                BookingQuestion.CallbackTime => "next Wednesday at 2pm",
                BookingQuestion.Confirm => "yes",
                _ => throw new Xunit.Sdk.XunitException($"Unexpected bot reply in a booking: {string.Join(" | ", replies)}"),
            };
            replies = await say(answer, turn);
        }

        throw new Xunit.Sdk.XunitException($"Not booked after {MaxTurns} turns; last replies: {string.Join(" | ", replies)}");
    }

    public static BookingQuestion Classify(IReadOnlyList<BotReply> replies)
    {
        if (replies.Count == 0)
        {
            return BookingQuestion.Unknown;
        }

        var last = replies[^1];
        if (replies.Any(reply => reply.HasCard) || ConfirmQuestion().IsMatch(last.Text))
        {
            return BookingQuestion.Confirm;
        }

        return last.Text switch
        {
            var text when NameQuestion().IsMatch(text) => BookingQuestion.Name,
            var text when PhoneQuestion().IsMatch(text) => BookingQuestion.Phone,
            var text when EmailQuestion().IsMatch(text) => BookingQuestion.Email,
            var text when TimeOffer().IsMatch(text) && last.Suggestions.Count > 0 => BookingQuestion.OfferedTime,
            var text when TimeQuestion().IsMatch(text) => BookingQuestion.CallbackTime,
            _ => BookingQuestion.Unknown,
        };
    }

    public static string? Reference(IReadOnlyList<BotReply> replies) =>
        replies.Select(reply => Booked().Match(reply.Text)).FirstOrDefault(match => match.Success)?.Groups[1].Value;

    [GeneratedRegex(@"You're booked! Your reference is ([A-Z0-9-]+)\.")]
    private static partial Regex Booked();

    [GeneratedRegex(@"Is everything right|reply ""yes"" to book", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmQuestion();

    [GeneratedRegex(@"full name|your name|first and last", RegexOptions.IgnoreCase)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"phone|number", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneQuestion();

    [GeneratedRegex(@"e-?mail", RegexOptions.IgnoreCase)]
    private static partial Regex EmailQuestion();

    [GeneratedRegex(@"one of these times", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOffer();

    [GeneratedRegex(@"\bwhen\b|\btime\b|\bday\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();
}

public enum BookingQuestion
{
    Unknown,
    Name,
    Phone,
    Email,
    OfferedTime,
    CallbackTime,
    Confirm,
}
