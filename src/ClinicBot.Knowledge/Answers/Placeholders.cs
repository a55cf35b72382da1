using System.Text.RegularExpressions;

namespace ClinicBot.Knowledge.Answers;

/// <summary>Fills "{Name}"-style placeholders of content texts. Unknown placeholders are left as written.</summary>
internal static partial class Placeholders
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
