using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Bots;

/// <summary>
/// Marks reply activities with the topics they answer, machine-readably, in channelData.clinicbot.topics
/// (the evaluation tool and the analytics read it; channels ignore it).
/// </summary>
public static class TopicStamp
{
    public static void Set(IActivity activity, IEnumerable<string> topics)
    {
        var channelData = activity.ChannelData as JObject ?? (activity.ChannelData is null ? new JObject() : JObject.FromObject(activity.ChannelData));
        channelData["clinicbot"] = new JObject { ["topics"] = new JArray(topics.Distinct().ToArray()) };
        activity.ChannelData = channelData;
    }

    public static bool HasTopics(IActivity activity) =>
        activity.ChannelData is JObject channelData && channelData["clinicbot"]?["topics"] is JArray;

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
