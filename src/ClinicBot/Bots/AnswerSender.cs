using ClinicBot.Knowledge;
using ClinicBot.Turn;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Bots;

/// <summary>Turns the knowledge library's answers into reply activities: text or Adaptive Card, suggestions on the last.</summary>
public static class AnswerSender
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static async Task SendAsync(ITurnContext turnContext, IReadOnlyList<Answer> answers, CancellationToken cancellationToken)
    {
        if (answers.Count == 0)
        {
            return;
        }

        var replies = new List<IActivity>(answers.Count);
        for (var index = 0; index < answers.Count; index++)
        {
            var answer = answers[index];
            var isLast = index == answers.Count - 1;
            replies.Add(ToActivity(answer, isLast ? answer.SuggestedActions : []));
        }

        await turnContext.SendActivitiesAsync(replies.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    public static Activity ToActivity(Answer answer, IEnumerable<string> suggestions)
    {
        Activity reply;
        if (answer.AdaptiveCardJson is null)
        {
            reply = ReplyFactory.TextWithSuggestions(answer.Text, suggestions);
        }
        else
        {
            // The card carries the answer; Summary is the text a channel shows when it cannot render cards.
            reply = ReplyFactory.TextWithSuggestions(string.Empty, suggestions);
            // What the card only implies ("nothing on parking") is said in the visible text; Summary is the full
            // text a channel shows when it cannot render cards.
            reply.Text = answer.CardCaption;
            reply.Summary = answer.Text;
            reply.Attachments = [new Attachment(AdaptiveCardContentType, content: JObject.Parse(answer.AdaptiveCardJson))];
        }

        TopicStamp.Set(reply, [answer.Topic]);
        if (answer.Certainty is { } certainty) TopicStamp.SetConfidence(reply, certainty.Band, certainty.Confidence);
        return reply;
    }
}
