using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ClinicBot.Bots;
using ClinicBot.Turn;

namespace ClinicBot.Endpoints;

/// <summary>
/// The CloudAdapter behind /api/messages. It runs the app's one turn pipeline (<see cref="TurnPipeline"/>: the
/// middleware every channel runs and the one turn error handler) and holds a turn's replies until its state is saved.
/// </summary>
public sealed class ClinicBotAdapter : CloudAdapter
{
    public ClinicBotAdapter(
        BotFrameworkAuthentication authentication,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        BotMessages messages,
        ILogger<ClinicBotAdapter> logger,
        ILogger<CloudAdapter> sdkLogger)
        : base(authentication, sdkLogger)
    {
        // The SDK logs every turn and every reply at Information. Under its own category the configured
        // "Microsoft.Bot" level applies to it (Warning by default); under ClinicBot's category those lines
        // reached the console logger on every turn and turns queued behind its lock under load.
        TurnPipeline.ApplyTo(this, middleware, messages, logger);
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
