using System.Text.RegularExpressions;

namespace ClinicBot.Language.Text;

/// <summary>
/// Splits a message into the sentences and clauses a reader would take one at a time: at . ! ? ; and line breaks,
/// and before "but" / "and then" / "so" joining two clauses. Every part of the message is in some piece.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text) =>
        Boundary().Split(text).Select(part => part.Trim()).Where(part => part.Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?;\n])\s+|\s+(?=(?:but|and then|so|pero|y luego)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex Boundary();
}
