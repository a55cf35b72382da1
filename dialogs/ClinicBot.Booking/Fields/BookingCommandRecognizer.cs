namespace ClinicBot.Booking.Fields;

public enum BookingCommand
{
    None,
    Cancel,
    Help,
    StartOver,
}

/// <summary>
/// Spots an interruption at any booking step: cancel, help or start over, in English and Spanish, tolerating
/// small misspellings of the command words ("cancle"). Negated commands ("I don't want to cancel",
/// "don't stop") are not commands, and names or field values are never mistaken for one because fuzzy
/// matching only applies to short messages made of the command and filler words.
/// </summary>
public sealed class BookingCommandRecognizer
{
    public BookingCommand Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return BookingCommand.None;
        }

        var words = CommandText.Words(text);
        if (words.Count == 0)
        {
            return BookingCommand.None;
        }

        // Start over is checked first: "cancel and start over" means restart, not leave.
        if (CommandPhrases.StartOver.FindUnnegated(words) || CommandPhrases.StartOver.FuzzyWholeMessage(words))
        {
            return BookingCommand.StartOver;
        }

        if (CommandPhrases.Cancel.FindUnnegated(words) || CommandPhrases.Cancel.FuzzyWholeMessage(words)
            || CommandPhrases.CancelWhenAlone.WholeMessage(words))
        {
            return BookingCommand.Cancel;
        }

        if (CommandPhrases.Help.WholeMessage(words) || CommandPhrases.Help.FuzzyWholeMessage(words) || (!text.Contains('@') && OpensWithHelp(words)))
        {
            return BookingCommand.Help;
        }

        return BookingCommand.None;
    }

    /// <summary>A negation word anywhere ("no", "not", "don't": Content/words/commands.json "negations").</summary>
    public bool HasNegation(string text) => CommandText.Words(text).Any(w => w == "no" || Negations.Contains(w));

    private static readonly HashSet<string> Negations = Loading.BookingWords.Commands.Set("negations");

    // "help please what do i type": a short message that starts by asking for help, not for help with something.
    private static bool OpensWithHelp(IReadOnlyList<string> words) =>
        words.Count <= 7 && words[0] is "help" or "ayuda" or "ayudame"
        && !words.Any(w => w is "book" or "booking" or "schedule" or "with" or "call" or "find" or "get");
}
