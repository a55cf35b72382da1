using ClinicBot.Bots;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ClinicBot.Turn;

/// <summary>
/// What every channel's adapter runs around the bot: the middleware registered as <see cref="IMiddleware"/>
/// (in registration order, see <see cref="TurnServiceCollectionExtensions.AddTurnPipeline"/>) and one turn error
/// handler. Both adapters (/api/messages and the local Direct Line) call <see cref="ApplyTo"/>, so middleware
/// added there reaches every channel.
/// </summary>
public static class TurnPipeline
{
    public static void ApplyTo(BotAdapter adapter, IEnumerable<IMiddleware> middleware, BotMessages messages, ILogger logger)
    {
        foreach (var item in middleware)
        {
            adapter.Use(item);
        }

        adapter.OnTurnError = (turnContext, exception) => TurnErrorHandler.HandleAsync(turnContext, exception, messages, logger);
    }
}
