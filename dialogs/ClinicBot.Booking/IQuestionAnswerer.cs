using Microsoft.Bot.Builder;

namespace ClinicBot.Booking;

/// <summary>
/// Answers a side question asked in the middle of a booking ("what are your hours?"). The app implements it
/// with the knowledge library.
/// </summary>
public interface IQuestionAnswerer
{
    /// <summary>Returns true when the message was a question it recognised and it sent an answer.</summary>
    Task<bool> TryAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
