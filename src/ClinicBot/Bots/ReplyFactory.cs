using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ClinicBot.Bots;

/// <summary>Builds reply activities the same way for every channel.</summary>
public static class ReplyFactory
{
    /// <summary>A text reply with suggested-action buttons that send their title back as the user's message.</summary>
    public static Activity TextWithSuggestions(string text, IEnumerable<string> suggestions)
    {
        var reply = MessageFactory.Text(text);
        var actions = suggestions
            .Select(title => new CardAction(ActionTypes.ImBack, title, value: title))
            .ToList();
        if (actions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = actions };
        }

        return reply;
    }
}
