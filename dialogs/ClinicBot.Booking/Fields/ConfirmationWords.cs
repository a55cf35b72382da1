namespace ClinicBot.Booking.Fields;

/// <summary>Yes and no vocabularies for the confirmation step (lower-case, accent-free words).</summary>
internal static class ConfirmationWords
{
    private static readonly HashSet<string> Yes =
    [
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "ye", "yess", "yesss", "si", "correct", "confirm", "confirmed",
        "right", "good", "great", "perfect", "ok", "okay", "k", "kk", "sure", "fine", "exactly", "absolutely",
        "definitely", "affirmative", "correcto", "claro", "perfecto", "bien", "listo", "vale", "dale", "exacto",
        "confirmo", "bueno", "yessir", "alright", "aight", "cool", "awesome", "accurate", "true", "course",
    ];

    private static readonly string[][] YesPhrases =
    [
        ["looks", "good"], ["look", "good"], ["sounds", "good"], ["all", "good"], ["book", "it"], ["go", "ahead"], ["do", "it"],
        ["that's", "it"], ["thats", "it"], ["that", "works"], ["works", "for", "me"], ["esta", "bien"], ["todo", "bien"],
        ["of", "course"], ["lgtm"], ["all", "correct"], ["that's", "correct"], ["thats", "correct"], ["es", "correcto"],
    ];

    private static readonly HashSet<string> No =
    [
        "no", "n", "nope", "nah", "nop", "wrong", "incorrect", "cancel", "not", "nada", "negative", "cancelar", "mal",
        "incorrecto", "stop", "nvm",
    ];

    private static readonly string[][] NoPhrases =
    [
        ["not", "right"], ["not", "correct"], ["that's", "wrong"], ["thats", "wrong"], ["not", "quite"], ["no", "thanks"],
        ["don't", "book"], ["dont", "book"], ["don't", "book", "it"], ["no", "es", "correcto"], ["esta", "mal"],
    ];

    // Words that can sit around a yes or no without changing it ("yes please", "no, thank you", "yes that's right").
    private static readonly HashSet<string> Fillers =
    [
        "please", "pls", "thanks", "thank", "you", "that's", "thats", "that", "is", "it's", "its", "it", "all", "everything",
        "looks", "sounds", "ok", "okay", "oh", "um", "uh", "well", "then", "por", "favor", "gracias", "todo", "es", "eso",
        "just", "very", "so", "much", "totally", "100", "the", "info", "details", "a", "ahead", "go", "book", "me", "in",
        "lol", "haha", "sir", "maam", "mate", CommandText.ClauseBreak, "i", "think", "guess", "yes", "sure", "and",
    ];

    private static readonly HashSet<string> Negators = ["don't", "dont", "not", "never", "didn't", "didnt", "doesn't", "doesnt", "no"];

    public static bool IsConfirm(IReadOnlyList<string> words)
    {
        var covered = Cover(words, Yes, YesPhrases, out var hits);
        if (!covered || hits == 0)
        {
            return false;
        }

        // "not correct", "not good" are a no.
        return !words.Any(w => Negators.Contains(w));
    }

    public static bool IsReject(IReadOnlyList<string> words)
    {
        if (Cover(words, No, NoPhrases, out var hits) && hits > 0)
        {
            // "I don't want to cancel", "don't cancel" are not a no; "no, don't book it" is.
            return !(words.Any(w => w is "don't" or "dont" or "not" or "never") && words.Contains("cancel"));
        }

        // A leading "no" followed by an explanation is still a no ("no, i need to think about it").
        return words[0] is "no" or "nope" or "nah" && words.Count > 1 && words[1] == CommandText.ClauseBreak;
    }

    public static bool IsThumbsUp(string text) => text.Contains("\U0001F44D") || text.Contains('\u2705') || text.Contains('\u2714');

    // True when every word is a vocabulary word, part of a phrase, or a filler; counts the vocabulary hits.
    private static bool Cover(IReadOnlyList<string> words, HashSet<string> vocabulary, string[][] phrases, out int hits)
    {
        hits = 0;
        for (var i = 0; i < words.Count;)
        {
            var phrase = phrases.FirstOrDefault(p => i + p.Length <= words.Count && p.Select((w, n) => words[i + n] == w).All(x => x));
            if (phrase is not null)
            {
                hits++;
                i += phrase.Length;
                continue;
            }

            if (vocabulary.Contains(words[i]))
            {
                hits++;
            }
            else if (!Fillers.Contains(words[i]))
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
