using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ClinicBot.Bots;
using ClinicBot.Channels.Teams;

namespace ClinicBot.Adapters;

/// <summary>
/// The CloudAdapter behind /api/messages, with ClinicBot's turn error handling.
/// Unlike the CoreBot sample, the error handler does not delete ConversationState: that would wipe a
/// half-finished booking. The turn's unsaved changes are simply not written.
/// </summary>
public sealed class ClinicBotAdapter : CloudAdapter
{
    public ClinicBotAdapter(
        BotFrameworkAuthentication authentication,
        BotMessages messages,
        TeamsTenantFilter teamsTenantFilter,
        ILogger<ClinicBotAdapter> logger,
        ILogger<CloudAdapter> sdkLogger)
        : base(authentication, sdkLogger)
    {
        // The SDK logs every turn and every reply at Information. Under its own category the configured
        // "Microsoft.Bot" level applies to it (Warning by default); under ClinicBot's category those lines
        // reached the console logger on every turn and turns queued behind its lock under load.
        Use(teamsTenantFilter);
        OnTurnError = async (turnContext, exception) =>
        {
            // Exception type, the method that threw and ids only: exception messages can quote user input, so
            // neither they nor message text reach the logs; no stack trace either (one line per failure).
            logger.LogError(
                "Turn failed with {ExceptionType} on channel {ChannelId}, activity type {ActivityType}, thrown in {ThrownIn}",
                exception.GetType().FullName,
                turnContext.Activity?.ChannelId,
                turnContext.Activity?.Type,
                $"{exception.TargetSite?.DeclaringType?.FullName}.{exception.TargetSite?.Name}");
            await TurnErrorReply.SendAsync(turnContext, messages, logger).ConfigureAwait(false);
        };
    }

    /// <summary>Sends replies to the channel, unless the turn holds them until its state is saved (see <see cref="HeldReplies"/>).</summary>
    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
        HeldReplies.TryHold(turnContext, activities, out var held)
            ? Task.FromResult(held)
            : base.SendActivitiesAsync(turnContext, activities, cancellationToken);

    /// <summary>
    /// Authenticates and processes an activity the endpoint has already read and checked, as
    /// <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> does after
    /// parsing the body itself. Throws <see cref="UnauthorizedAccessException"/> when authentication fails.
    /// </summary>
    public Task<InvokeResponse> ProcessParsedActivityAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);
}

/// <summary>The apology a user gets when a turn fails; shared by every adapter in the app.</summary>
public static class TurnErrorReply
{
    public static async Task SendAsync(ITurnContext turnContext, BotMessages messages, ILogger logger)
    {
        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(messages.TurnError)).ConfigureAwait(false);
        }
        catch (Exception sendFailure)
        {
            logger.LogWarning("Could not send the turn-error apology: {ExceptionType}.", sendFailure.GetType().FullName);
        }
    }
}
