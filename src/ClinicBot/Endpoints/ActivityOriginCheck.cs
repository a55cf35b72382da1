using ClinicBot.Channels.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ClinicBot.Endpoints;

/// <summary>
/// Refuses (403) activities /api/messages must not run, before any turn or outbound call: activities that claim the
/// local Direct Line channel's id (its conversations and their state are reachable only through the channel's own
/// tokens; state keys include the channel id, so this keeps one channel out of the other's state), and, in
/// anonymous mode, activities whose serviceUrl is not on <see cref="AnonymousReplyHosts"/>.
/// </summary>
public sealed class ActivityOriginCheck(AnonymousReplyHosts replyHosts, IOptions<DirectLineOptions> directLine)
{
    /// <summary>Why the activity is refused, or null when it may be processed.</summary>
    public string? Refusal(Activity activity)
    {
        if (!directLine.Value.UsesAzure
            && string.Equals(activity.ChannelId?.Trim(), LocalDirectLineChannel.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return "The local web chat channel does not take activities on this endpoint.";
        }

        if (replyHosts.IsAnonymous && !replyHosts.Allows(activity.ServiceUrl))
        {
            return $"Without channel authentication the bot replies only to serviceUrl hosts in {AnonymousReplyHosts.Key}.";
        }

        return null;
    }
}
