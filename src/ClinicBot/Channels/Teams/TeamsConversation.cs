using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Channels.Teams;

/// <summary>What the bot needs to know about a Teams conversation: where it is and what the user typed.</summary>
public static class TeamsConversation
{
    public static bool IsTeams(ITurnContext turnContext) => turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams;

    /// <summary>True in a team channel or group chat, where others can read what is typed.</summary>
    public static bool IsShared(ITurnContext turnContext) =>
        IsTeams(turnContext) && turnContext.Activity.Conversation?.ConversationType is "channel" or "groupChat";

    /// <summary>
    /// The user's text without the bot's @mention ("&lt;at&gt;ClinicBot&lt;/at&gt; hours" becomes "hours"),
    /// so understanding sees only what was asked.
    /// </summary>
    public static string TextWithoutBotMention(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Text))
        {
            return activity.Text ?? string.Empty;
        }

        var text = activity.Text;
        foreach (var mention in ChannelPayload.ReadOrDefault(activity.GetMentions) ?? [])
        {
            if (mention.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
