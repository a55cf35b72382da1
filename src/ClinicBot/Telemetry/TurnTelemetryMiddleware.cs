using System.Diagnostics;
using ClinicBot.Knowledge;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ClinicBot.Telemetry;

/// <summary>
/// Times each turn in a "clinicbot.turn" span and counts it, its message replies, whether a reply was the crisis
/// reply (crisis first in the reply's topics) or a check-in (crisis among them), and errors. Runs first on every channel.
/// </summary>
public sealed class TurnTelemetryMiddleware(ClinicBotMetrics metrics, TimeProvider time) : IMiddleware
{
    public const string Definite = "definite";
    public const string Possible = "possible";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var channel = turnContext.Activity.ChannelId ?? "unknown";
        var activityType = turnContext.Activity.Type ?? "unknown";
        using var span = ClinicBotMetrics.Traces.StartActivity("clinicbot.turn");
        span?.SetTag("clinicbot.channel", channel);
        span?.SetTag("clinicbot.activity_type", activityType);

        var started = time.GetTimestamp();
        var crisisTier = (string?)null;
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var messages = activities.Where(activity => activity.Type == ActivityTypes.Message).ToList();
            if (messages.Count > 0) metrics.RepliesSent(channel, messages.Count);
            foreach (var topics in messages.Select(TopicStamp.TopicsOf).OfType<Newtonsoft.Json.Linq.JArray>())
            {
                var index = topics.Select(token => token.ToString()).ToList().IndexOf(TopicNames.Crisis);
                if (index == 0) crisisTier = Definite;
                else if (index > 0) crisisTier ??= Possible;
            }

            return await nextSend().ConfigureAwait(false);
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            metrics.TurnFailed(channel, error.GetType().Name);
            span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw;
        }
        finally
        {
            metrics.TurnHandled(channel, activityType, time.GetElapsedTime(started));
            if (crisisTier is not null)
            {
                metrics.CrisisReply(channel, crisisTier);
                span?.SetTag("clinicbot.crisis_tier", crisisTier);
            }
        }
    }
}
