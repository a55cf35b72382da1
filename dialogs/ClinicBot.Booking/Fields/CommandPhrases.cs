using ClinicBot.Language.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// One command's phrases (each a word sequence) and the rules for finding them in a message.
/// </summary>
internal sealed class CommandPhraseSet
{
    private static readonly HashSet<string> Negations =
        ["not", "dont", "don't", "never", "doesnt", "doesn't", "wont", "won't", "didnt", "didn't", "cant", "can't", "shouldnt", "shouldn't", "nunca"];

    // Words that may surround a command without changing it ("please cancel", "ok never mind then").
    private static readonly HashSet<string> Fillers =
    [
        "please", "pls", "plz", "just", "ok", "okay", "oh", "ah", "um", "umm", "uh", "hmm", "actually", "then", "sorry",
        "i", "want", "to", "wanna", "would", "like", "let's", "lets", "let", "me", "it", "the", "this", "that", "booking",
        "call", "all", "now", "yes", "yeah", "por", "favor", "quiero", "mejor", "la", "el", "cita", "a", "can", "you",
        "need", "some", "bot", ClauseBreak,
    ];

    private const string ClauseBreak = CommandText.ClauseBreak;

    private readonly string[][] _phrases;
    private readonly string[] _fuzzyWords;
    private readonly bool _questionsAboutItDoNotCount;

    public CommandPhraseSet(IEnumerable<string> phrases, IEnumerable<string> fuzzyWords, bool questionsAboutItDoNotCount = false)
    {
        _phrases = phrases.Select(p => p.Split(' ')).ToArray();
        _fuzzyWords = fuzzyWords.ToArray();
        _questionsAboutItDoNotCount = questionsAboutItDoNotCount;
    }

    /// <summary>A phrase anywhere in the message, unless a negation sits just before it in the same clause.</summary>
    public bool FindUnnegated(IReadOnlyList<string> words)
    {
        foreach (var phrase in _phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                if (Matches(words, i, phrase) && !IsNegated(words, i) && !(_questionsAboutItDoNotCount && IsQuestionAbout(words, i)))
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

/// <summary>The phrases of each booking command. Matching is on lower-case, accent-free words.</summary>
internal static class CommandPhrases
{
    /// <summary>Cancel phrases that mean cancel wherever they appear ("hmm never mind, ... cancel").</summary>
    public static CommandPhraseSet Cancel { get; } = new(
        [
            "cancel", "cancel it", "nvm", "never mind", "nevermind", "forget it", "forget about it", "cancelar",
            "cancela", "cancelalo", "olvidalo", "changed my mind", "don't want to book", "dont want to book",
            "no longer interested", "not interested anymore", "don't want to do this", "dont want to do this",
            "don't want to continue", "dont want to continue", "no quiero continuar", "no quiero seguir", "ya no quiero",
        ],
        ["cancel", "cancelar", "nevermind"],
        questionsAboutItDoNotCount: true);

    /// <summary>Cancel words that are ordinary words in a sentence ("I quit my job"), so only count alone.</summary>
    public static CommandPhraseSet CancelWhenAlone { get; } = new(
        [
            "stop", "quit", "exit", "abort", "leave it", "dejalo", "no importa", "not interested", "end", "basta", "para",
            "not now", "maybe later", "later", "some other time", "another time", "bye", "goodbye", "bye bye", "salir",
            "ya no", "i'll do it later", "ill do it later", "i'll call later", "ill call later", "stop asking",
        ],
        ["quit"]);

    public static CommandPhraseSet Help { get; } = new(
        [
            "help", "ayuda", "what do i do", "what should i do", "what do i say", "what do you need", "how does this work",
            "i'm confused", "im confused", "i don't understand", "i dont understand", "no entiendo", "que hago",
            "help me", "necesito ayuda", "what now", "options", "what are my options", "i'm lost", "im lost",
            "what do i type", "what should i type", "what do i write", "what do you need from me", "what do you want from me",
            "what", "huh", "i'm stuck", "im stuck",
        ],
        ["help", "ayuda"]);

    public static CommandPhraseSet StartOver { get; } = new(
        [
            "start over", "restart", "start again", "begin again", "from the beginning", "from the start",
            "start from scratch", "reset", "redo", "empezar de nuevo", "empezar otra vez", "comenzar de nuevo",
            "de nuevo", "otra vez desde el principio", "start the booking again", "do it over",
        ],
        ["restart"]);
}
