using System.Text;

namespace ClinicBot.Booking.Fields;

/// <summary>
/// Rewrites a run of spelled-out digits ("eight three two five five five ...", "ocho tres dos ...") as
/// digits, so a number typed in words is read like one typed in figures. Other text is left as it is.
/// </summary>
internal static class SpokenDigits
{
    private const int MinimumRun = 7;

    private static readonly Dictionary<string, char> Digits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4', ["five"] = '5',
        ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
        ["cero"] = '0', ["uno"] = '1', ["dos"] = '2', ["tres"] = '3', ["cuatro"] = '4', ["cinco"] = '5', ["seis"] = '6',
        ["siete"] = '7', ["ocho"] = '8', ["nueve"] = '9',
    };

    public static string ToDigits(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Count(w => Digits.ContainsKey(w.Trim(',', '.', '-'))) < MinimumRun)
        {
            return text;
        }

        var builder = new StringBuilder();
        var run = new StringBuilder();
        var runWords = new List<string>();
        var previousWord = string.Empty;

        void FlushRun()
        {
            if (run.Length == 0)
            {
                return;
            }

            // A short run stays as words ("one more thing"), unless it is an extension ("extension four").
            var isExtension = ExtensionWords.Contains(previousWord.Trim(',', '.', ':'));
            builder.Append(run.Length >= MinimumRun || isExtension ? run.ToString() : string.Join(' ', runWords));
            builder.Append(' ');
            run.Clear();
            runWords.Clear();
        }

        foreach (var word in words)
        {
            if (Digits.TryGetValue(word.Trim(',', '.', '-'), out var digit))
            {
                run.Append(digit);
                runWords.Add(word);
                continue;
            }

            FlushRun();
            builder.Append(word).Append(' ');
            previousWord = word;
        }

        FlushRun();
        return builder.ToString().TrimEnd();
    }

    private static readonly HashSet<string> ExtensionWords =
        Loading.BookingWords.Phone.List("extensionMarkers").ToHashSet(StringComparer.OrdinalIgnoreCase);
}
