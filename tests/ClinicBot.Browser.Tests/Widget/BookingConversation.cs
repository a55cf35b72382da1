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

    public async Task CompleteAsync() => await (await ShowConfirmationCardAsync()).ClickAsync();

    /// <summary>Answers until the confirmation card shows; returns its Confirm button, not yet pressed.</summary>
    public async Task<ILocator> ShowConfirmationCardAsync()
    {
        var chat = browser.Chat;
        var botCount = await browser.CountAsync(ChatBrowser.BotBubbles);
        await browser.SayAsync("I'd like to book a free call");

        for (var turn = 0; turn < MaxTurns; turn++)
        {
            await browser.WaitForMoreThanAsync(ChatBrowser.BotBubbles, botCount);
            await browser.Page.WaitForTimeoutAsync(300); // let a multi-activity reply finish arriving
            botCount = await browser.CountAsync(ChatBrowser.BotBubbles);

            var confirm = chat.Locator("#webchat .ac-adaptiveCard button").Filter(new() { HasTextRegex = ConfirmButton() });
            if (await confirm.CountAsync() > 0)
            {
                return confirm.Last;
            }

            var question = await browser.LastBotTextAsync();
            if (TimeOffer().IsMatch(question) && await chat.Locator("#webchat .webchat__suggested-action").CountAsync() > 0)
            {
                await chat.Locator("#webchat .webchat__suggested-action").First.ClickAsync();
                continue;
            }

            await browser.SayAsync(AnswerTo(question));
        }

        throw new Xunit.Sdk.XunitException($"No confirmation card after {MaxTurns} turns; last bot message: {await browser.LastBotTextAsync()}");
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
