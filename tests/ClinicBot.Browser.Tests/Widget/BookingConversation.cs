using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// Plays the visitor in a booking: asks for the free call, answers whatever the bot asks (name, phone,
/// email, call time) by typing, and presses the confirmation card's Confirm button.
/// </summary>
public sealed partial class BookingConversation(ChatBrowser browser, string name)
{
    private const int MaxTurns = 14;

    public async Task CompleteAsync()
    {
        await StartAsync();
        await AnswerUntilConfirmedAsync();
    }

    /// <summary>Asks for the free call and answers until the confirmation card shows; returns its Confirm button, not yet pressed.</summary>
    public async Task<ILocator> ShowConfirmationCardAsync()
    {
        await StartAsync();
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            if (await ConfirmButtonAsync() is { } confirm)
            {
                return confirm;
            }

            await AnswerLastQuestionAsync();
        }

        throw new Xunit.Sdk.XunitException($"No confirmation card after {MaxTurns} turns; last bot message: {await browser.LastBotTextAsync()}");
    }

    /// <summary>Asks for the free call and waits for the first question.</summary>
    public async Task StartAsync()
    {
        var botCount = await browser.CountAsync(ChatBrowser.BotBubbles);
        await browser.SayAsync("I'd like to book a free call");
        await WaitForReplyAsync(botCount);
    }

    /// <summary>Answers the bot's last question and the next ones, <paramref name="questions"/> in all.</summary>
    public async Task AnswerAsync(int questions)
    {
        for (var answered = 0; answered < questions; answered++)
        {
            if (await AnswerLastQuestionAsync())
            {
                throw new Xunit.Sdk.XunitException($"The booking reached its confirmation after {answered + 1} answers.");
            }
        }
    }

    /// <summary>Answers the bot's questions, starting with the one shown last, until Confirm is pressed.</summary>
    public async Task AnswerUntilConfirmedAsync()
    {
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            if (await AnswerLastQuestionAsync())
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"No confirmation card after {MaxTurns} turns; last bot message: {await browser.LastBotTextAsync()}");
    }

    /// <summary>True when the last message was the confirmation card and its Confirm button was pressed.</summary>
    private async Task<bool> AnswerLastQuestionAsync()
    {
        var chat = browser.Chat;
        var botCount = await browser.CountAsync(ChatBrowser.BotBubbles);
        if (await ConfirmButtonAsync() is { } confirm)
        {
            await confirm.ClickAsync();
            return true;
        }

        var question = await browser.LastBotTextAsync();
        if (TimeOffer().IsMatch(question) && await chat.Locator("#webchat .webchat__suggested-action").CountAsync() > 0)
        {
            await chat.Locator("#webchat .webchat__suggested-action").First.ClickAsync();
        }
        else
        {
            await browser.SayAsync(AnswerTo(question));
        }

        await WaitForReplyAsync(botCount);
        return false;
    }

    /// <summary>The last confirmation card's Confirm button, when one shows.</summary>
    private async Task<ILocator?> ConfirmButtonAsync()
    {
        var confirm = browser.Chat.Locator("#webchat .ac-adaptiveCard button").Filter(new() { HasTextRegex = ConfirmButton() });
        return await confirm.CountAsync() > 0 ? confirm.Last : null;
    }

    private async Task WaitForReplyAsync(int botCount)
    {
        await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, botCount);
        await browser.Chat.WaitForTimeoutAsync(300); // let a multi-activity reply finish arriving
    }

    private string AnswerTo(string question) => question switch
    {
        _ when NameQuestion().IsMatch(question) => name,
        _ when PhoneQuestion().IsMatch(question) => "832-555-0142",
        _ when EmailQuestion().IsMatch(question) => "skip",
        _ when TimeQuestion().IsMatch(question) => "next Wednesday at 2pm",
        _ => "yes",
    };

    [GeneratedRegex(@"^\s*(confirm|yes|book)", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmButton();

    [GeneratedRegex(@"\bname\b", RegexOptions.IgnoreCase)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"phone|number", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneQuestion();

    [GeneratedRegex(@"e-?mail", RegexOptions.IgnoreCase)]
    private static partial Regex EmailQuestion();

    [GeneratedRegex(@"\bwhen\b|\btime\b|\bday\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"one of these times", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOffer();
}
