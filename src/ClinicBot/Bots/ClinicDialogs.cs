using ClinicBot.Dialogs;
using ClinicBot.Booking;
using Microsoft.Bot.Builder;

namespace ClinicBot.Bots;

/// <summary>The bot's dialogs (today: booking) and the conversation-state property that holds their stack.</summary>
public sealed class ClinicDialogs
{
    private readonly DialogSet _dialogs;

    public ClinicDialogs(ConversationState conversationState, BookingDialog bookingDialog)
    {
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("DialogState"));
        _dialogs.Add(bookingDialog);
    }

    public Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _dialogs.CreateContextAsync(turnContext, cancellationToken);
}
