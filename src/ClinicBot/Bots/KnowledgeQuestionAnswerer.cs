using ClinicBot.Channels.Teams;
using ClinicBot.Booking;
using ClinicBot.Knowledge;
using Microsoft.Bot.Builder;

namespace ClinicBot.Bots;

/// <summary>
/// Answers side questions during a booking ("what are your hours?") from the clinic's page. Answers
/// carry no suggested actions there, so the pending booking question stays the last thing asked.
/// </summary>
public sealed class KnowledgeQuestionAnswerer(ClinicKnowledge knowledge, TimeProvider clock) : IQuestionAnswerer
{
    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = TeamsConversation.TextWithoutBotMention(turnContext.Activity);
        if (!knowledge.IsConfidentQuestion(text, out var understanding))
        {
            return false;
        }

        var answers = knowledge.Answer(understanding, clock.GetUtcNow())
            .Where(answer => answer.Topic != TopicNames.BookCall)
            .Select(answer => answer with { SuggestedActions = [] })
            .ToList();
        if (answers.Count == 0)
        {
            return false;
        }

        await AnswerSender.SendAsync(turnContext, answers, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
