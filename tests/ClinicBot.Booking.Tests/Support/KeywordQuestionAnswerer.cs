using System.Text.RegularExpressions;
using ClinicBot.Booking;
using Microsoft.Bot.Builder;

namespace ClinicBot.Tests.Booking.Support;

/// <summary>
/// A small real question answerer for tests: answers hours, location and "is the call free" questions with
/// facts from the clinic page, and counts what it answered.
/// </summary>
public sealed partial class KeywordQuestionAnswerer : IQuestionAnswerer
{
    public const string HoursAnswer = "We're open Monday to Friday, 9:00 AM to 5:00 PM.";
    public const string LocationAnswer = "We're at 136 Eldridge Road, Suite A, Sugar Land, TX 77478.";
    public const string FreeCallAnswer = "Yes, the call is free.";

    public int Answered { get; private set; }

    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        string? answer = null;
        if (Hours().IsMatch(text))
        {
            answer = HoursAnswer;
        }
        else if (Location().IsMatch(text))
        {
            answer = LocationAnswer;
        }
        else if (Free().IsMatch(text))
        {
            answer = FreeCallAnswer;
        }

        if (answer is null)
        {
            return false;
        }

        Answered++;
        await turnContext.SendActivityAsync(answer, cancellationToken: cancellationToken);
        return true;
    }

    [GeneratedRegex(@"\b(hours|open|close[sd]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hours();

    [GeneratedRegex(@"\b(where|address|located|location|directions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Location();

    [GeneratedRegex(@"\b(free|cost|charge)\b.*\?", RegexOptions.IgnoreCase)]
    private static partial Regex Free();
}
