using ClinicBot.Booking.Loading;
using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// One command's phrases (each a word sequence) and the rules for finding them in a message.
/// </summary>
internal sealed class CommandPhraseSet
{
    private static readonly HashSet<string> Negations = BookingWords.Commands.Set("negations");

    // Words that may surround a command without changing it ("please cancel", "ok never mind then").
    private static readonly HashSet<string> Fillers = BookingWords.Commands.Set("fillers");

    // "cancel my dentist": a possessive or article, then something that is not this booking.
    private static readonly HashSet<string> ObjectLeads = BookingWords.Commands.Set("objectLeads");
    private static readonly HashSet<string> BookingObjects = BookingWords.Commands.Set("bookingObjects");

    // "cancel thursday", "cancel on friday", "cancel with my boss": the thing cancelled is named right after.
    private static readonly HashSet<string> NotTheBookingWhenNext = BookingWords.Commands.Set("notTheBookingWhenNext");

    private const string ClauseBreak = CommandText.ClauseBreak;

    private readonly string[][] _phrases;
    private readonly string[] _fuzzyWords;
    private readonly bool _questionsAboutItDoNotCount;
    private readonly bool _onlyAboutThisBooking;

    public CommandPhraseSet(IEnumerable<string> phrases, IEnumerable<string> fuzzyWords, bool questionsAboutItDoNotCount = false, bool onlyAboutThisBooking = false)
    {
        _phrases = phrases.Select(p => p.Split(' ')).ToArray();
        _fuzzyWords = fuzzyWords.ToArray();
        _questionsAboutItDoNotCount = questionsAboutItDoNotCount;
        _onlyAboutThisBooking = onlyAboutThisBooking;
    }

    /// <summary>A phrase anywhere in the message, unless a negation sits just before it in the same clause.</summary>
    public bool FindUnnegated(IReadOnlyList<string> words)
    {
        foreach (var phrase in _phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                if (Matches(words, i, phrase) && !IsNegated(words, i) && !(_questionsAboutItDoNotCount && IsQuestionAbout(words, i))
                    && !(_onlyAboutThisBooking && IsAboutSomethingElse(words, i + phrase.Length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The message is a phrase plus filler words only ("help", "help me please", "what do i do").</summary>
    public bool WholeMessage(IReadOnlyList<string> words)
    {
        foreach (var phrase in _phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                if (Matches(words, i, phrase) && !IsNegated(words, i)
                    && words.Take(i).All(Fillers.Contains) && words.Skip(i + phrase.Length).All(Fillers.Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A short message whose one non-filler word is a near miss of a command word ("cancle", "cancell pls").
    /// Limited to short messages so a name such as "Candel Ruiz" is never read as a command.
    /// </summary>
    public bool FuzzyWholeMessage(IReadOnlyList<string> words)
    {
        var content = words.Where(w => !Fillers.Contains(w)).ToList();
        if (content.Count != 1 || words.Count > 5)
        {
            return false;
        }

        var word = content[0];
        if (word.Length < 4)
        {
            return false;
        }

        return _fuzzyWords.Any(target => IsTypoOf(word, target)) && !IsNegated(words, words.ToList().IndexOf(word));
    }

    // A slip of the keyboard: a letter added, dropped or swapped ("cancle", "cancell", "restat"). A changed
    // letter is not accepted, because that is how different words and names differ ("Candel", "Marcel").
    private static bool IsTypoOf(string word, string target)
    {
        if (word == target || Math.Abs(word.Length - target.Length) > 1)
        {
            return false;
        }

        var distance = EditDistance.Between(word, target);
        if (word.Length != target.Length)
        {
            return distance == 1;
        }

        return distance == 1 && word.Order().SequenceEqual(target.Order());
    }

    private static bool Matches(IReadOnlyList<string> words, int start, string[] phrase)
    {
        for (var j = 0; j < phrase.Length; j++)
        {
            if (words[start + j] != phrase[j])
            {
                return false;
            }
        }

        return true;
    }

    // "I don't want to cancel", "do not stop", "no need to cancel": a negation up to 4 words before, same clause.
    private static bool IsNegated(IReadOnlyList<string> words, int index)
    {
        for (var k = index - 1; k >= 0 && k >= index - 4; k--)
        {
            if (words[k] == ClauseBreak)
            {
                return false;
            }

            if (Negations.Contains(words[k]) || (words[k] == "no" && k + 1 < words.Count && words[k + 1] is "need" or "reason"))
            {
                return true;
            }
        }

        return false;
    }

    // "had to cancel my dentist on thursday", "cancel thursday's meeting": what follows the phrase names another thing.
    private static bool IsAboutSomethingElse(IReadOnlyList<string> words, int after)
    {
        if (after >= words.Count)
        {
            return false;
        }

        var next = words[after].EndsWith("'s", StringComparison.Ordinal) ? words[after][..^2] : words[after];
        if (NotTheBookingWhenNext.Contains(next))
        {
            return true;
        }

        if (!ObjectLeads.Contains(next) || after + 1 >= words.Count)
        {
            return false;
        }

        var thing = words[after + 1];
        return thing != ClauseBreak && !BookingObjects.Contains(thing) && !Fillers.Contains(thing);
    }

    // "can i cancel later?", "how do i cancel if something comes up" ask about cancelling; they are not a cancel.
    private static bool IsQuestionAbout(IReadOnlyList<string> words, int index)
    {
        if (index >= 2 && words[index - 1] == "i" && words[index - 2] is "can" or "could" or "if" or "do" or "may")
        {
            return true;
        }

        return index >= 1 && words[index - 1] is "if" or "able" or "policy";
    }
}

/// <summary>The phrases of each booking command (Content/words/commands.json). Matching is on lower-case, accent-free words.</summary>
internal static class CommandPhrases
{
    /// <summary>Cancel phrases that mean cancel wherever they appear ("hmm never mind, ... cancel").</summary>
    public static CommandPhraseSet Cancel { get; } = From("cancel", questionsAboutItDoNotCount: true, onlyAboutThisBooking: true);

    /// <summary>Cancel words that are ordinary words in a sentence ("I quit my job"), so only count alone.</summary>
    public static CommandPhraseSet CancelWhenAlone { get; } = From("cancelWhenAlone");

    public static CommandPhraseSet Help { get; } = From("help");

    public static CommandPhraseSet StartOver { get; } = From("startOver");

    /// <summary>The list <paramref name="name"/> and its near-miss words <paramref name="name"/>Fuzzy.</summary>
    private static CommandPhraseSet From(string name, bool questionsAboutItDoNotCount = false, bool onlyAboutThisBooking = false) =>
        new(BookingWords.Commands.List(name), BookingWords.Commands.List(name + "Fuzzy"), questionsAboutItDoNotCount, onlyAboutThisBooking);
}
