using System.Text.RegularExpressions;

namespace ClinicBot.Language.Templates;

/// <summary>
/// Fills the "{Name}"-style placeholders of content texts and card templates (the one placeholder syntax of all
/// content files). Unknown placeholders are left as written.
/// </summary>
public static partial class Placeholders
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Fill(template, name => values.TryGetValue(name, out var value) ? value : null);

    /// <param name="valueOf">The value of a placeholder name, or null to leave it as written.</param>
    public static string Fill(string template, Func<string, string?> valueOf) =>
        Placeholder().Replace(template, m => valueOf(m.Groups[1].Value) ?? m.Value);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
