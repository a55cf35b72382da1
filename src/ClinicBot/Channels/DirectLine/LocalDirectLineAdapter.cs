using ClinicBot.Bots;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// Runs bot turns in process for the local Direct Line channel. What the bot sends is appended to the
/// conversation's transcript, where Web Chat picks it up by polling. The same IBot and turn pipeline as
/// /api/messages run here (<see cref="TurnPipeline"/>: the same middleware and turn error handler).
/// </summary>
public sealed class LocalDirectLineAdapter : BotAdapter
{
    private const string DelayActivityType = "delay";
    private const string InvokeResponseActivityType = "invokeResponse";

    private readonly ActivityTranscript _transcript;

    public LocalDirectLineAdapter(
        ActivityTranscript transcript,
        BotMessages messages,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        ILogger<LocalDirectLineAdapter> logger)
    {
        _transcript = transcript;
        TurnPipeline.ApplyTo(this, middleware, messages, logger);
    }

    /// <summary>Runs one turn of <paramref name="bot"/> for an activity that came in on the channel.</summary>
    public async Task ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        // The bot holds a turn's replies until its state is saved, then sends them through here again.
        if (HeldReplies.TryHold(turnContext, activities, out var held))
        {
            return held;
        }

        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            if (activity.Type == DelayActivityType)
            {
                var milliseconds = activity.Value is int delay ? delay : 1000;
                await Task.Delay(milliseconds, cancellationToken);
                responses.Add(new ResourceResponse());
                continue;
            }

            if (activity.Type == InvokeResponseActivityType)
            {
                // Invoke responses answer an HTTP request; Direct Line has none to answer.
                responses.Add(new ResourceResponse());
                continue;
            }

            activity.Conversation ??= turnContext.Activity.Conversation;
            activity.From ??= turnContext.Activity.Recipient;
            activity.Recipient ??= turnContext.Activity.From;
            activity.ChannelId ??= turnContext.Activity.ChannelId;
            activity.ServiceUrl ??= turnContext.Activity.ServiceUrl;
            var id = await _transcript.AppendAsync(activity, cancellationToken);
            responses.Add(new ResourceResponse(id));
        }

        return responses.ToArray();
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(
        ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        activity.Conversation ??= turnContext.Activity.Conversation;
        if (!await _transcript.ReplaceAsync(activity, cancellationToken))
        {
            throw new InvalidOperationException("The activity to update is not in this conversation.");
        }

        return new ResourceResponse(activity.Id);
    }

    public override Task DeleteActivityAsync(
        ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The local Direct Line channel does not delete activities.");
}
