using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Turn;

/// <summary>
/// Marks reply activities with the topics they answer, machine-readably, in channelData.clinicbot.topics
/// (the evaluation tool and the analytics read it; channels ignore it).
/// </summary>
public static class TopicStamp
{
    public static void Set(IActivity activity, IEnumerable<string> topics)
    {
        // ChannelData is typed dynamic: read it as object so no runtime binder runs on every reply.
        object? existing = activity.ChannelData;
        JObject channelData = existing as JObject ?? (existing is null ? new JObject() : JObject.FromObject(existing));
        channelData["clinicbot"] = new JObject { ["topics"] = new JArray(topics.Distinct().ToArray()) };
        activity.ChannelData = channelData;
    }

    /// <summary>Adds how sure the understanding was ("answer", "clarify", "decline" and the model's probability) beside the topics.</summary>
    public static void SetConfidence(IActivity activity, string band, float? confidence)
    {
        if (activity is Activity { ChannelData: JObject channelData } && channelData["clinicbot"] is JObject clinicbot)
        {
            clinicbot["band"] = band;
            if (confidence is { } value) clinicbot["confidence"] = Math.Round(value, 3);
        }
    }

    public static bool HasTopics(IActivity activity) => TopicsOf(activity) is not null;

    /// <summary>The topics stamped on a reply, or null when it has none.</summary>
    public static JArray? TopicsOf(IActivity activity)
    {
        object? channelData = activity.ChannelData;
        return channelData is JObject json ? json["clinicbot"]?["topics"] as JArray : null;
    }

    /// <summary>Collects, in order, the topics of every reply this turn sends from now on.</summary>
    public static List<string> CollectAnswered(ITurnContext turnContext)
    {
        var answered = new List<string>();
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            var responses = await next().ConfigureAwait(false);
            foreach (var topic in activities.SelectMany(activity => TopicsOf(activity) ?? []).Select(token => token.ToString()))
            {
                if (!answered.Contains(topic))
                {
                    answered.Add(topic);
                }
            }

            return responses;
        });
        return answered;
    }

    /// <summary>From now on in this turn, message replies sent without topics (e.g. by a dialog) get these.</summary>
    public static void StampUnmarkedReplies(ITurnContext turnContext, IReadOnlyList<string> topics)
    {
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            foreach (var activity in activities.Where(activity => activity.Type == ActivityTypes.Message && !HasTopics(activity)))
            {
                Set(activity, topics);
            }

            return await next().ConfigureAwait(false);
        });
    }
}
