using ClinicBot.Bots;
using Microsoft.Bot.Builder;

namespace ClinicBot.Turn;

/// <summary>
/// The one turn error handler of every adapter. Unlike the CoreBot sample, it does not delete ConversationState:
/// that would wipe a half-finished booking. The turn's unsaved changes are simply not written.
/// </summary>
public static class TurnErrorHandler
{
    public static async Task HandleAsync(ITurnContext turnContext, Exception exception, BotMessages messages, ILogger logger)
    {
        // Exception type, the method that threw and ids only: exception messages can quote user input, so
        // neither they nor message text reach the logs; no stack trace either (one line per failure).
        var part = FailedParts.Of(exception);
        logger.LogError(
            "Turn failed in the {FailedPart}: {ExceptionType} on channel {ChannelId}, activity type {ActivityType}, thrown in {ThrownIn}",
            FailedParts.Describe(part),
            exception.GetType().FullName,
            turnContext.Activity?.ChannelId,
            turnContext.Activity?.Type,
            $"{exception.TargetSite?.DeclaringType?.FullName}.{exception.TargetSite?.Name}");
        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(messages.TurnError)).ConfigureAwait(false);
        }
        catch (Exception sendFailure)
        {
            logger.LogWarning("Could not send the turn-error apology, {FailedPart}: {ExceptionType}.", FailedParts.Describe(FailedParts.Of(sendFailure)), sendFailure.GetType().FullName);
        }
    }
}
