using ClinicBot.Booking.Loading;

namespace ClinicBot.Booking.Fields;

/// <summary>Reads yes and no at the confirmation step with the vocabularies of Content/words/confirmation.json (lower-case, accent-free words).</summary>
internal static class ConfirmationWords
{
    private static readonly HashSet<string> Yes = BookingWords.Confirmation.Set("yes");

    private static readonly string[][] YesPhrases = BookingWords.Confirmation.Phrases("yesPhrases");

    private static readonly HashSet<string> No = BookingWords.Confirmation.Set("no");

    private static readonly string[][] NoPhrases = BookingWords.Confirmation.Phrases("noPhrases");

    // Fillers: words that can sit around a yes or no without changing it ("yes please", "no, thank you", "yes that's right"); "," is a clause break.
    private static readonly HashSet<string> Fillers = BookingWords.Confirmation.Set("fillers");

    private static readonly HashSet<string> Negators = BookingWords.Confirmation.Set("negators");

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
