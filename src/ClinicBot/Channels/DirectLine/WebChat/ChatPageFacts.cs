using System.Net;
using ClinicBot.Knowledge;
using ClinicBot.Language.Templates;

namespace ClinicBot.Channels.DirectLine.WebChat;

/// <summary>
/// Fills the chat pages' "{ClinicPhone}"-style placeholders from clinic.json, so the pages show the same name,
/// phone, address and hours as the bot's answers. Values are HTML-encoded.
/// </summary>
public static class ChatPageFacts
{
    public static string Fill(string html, ClinicFacts facts)
    {
        var values = new Dictionary<string, string>
        {
            ["ClinicName"] = facts.Name,
            ["ClinicPhone"] = facts.Phone,
            ["ClinicTelUrl"] = facts.TelUrl,
            ["ClinicStreet"] = $"{facts.AddressLine}, {facts.SuiteLine}",
            ["ClinicCity"] = $"{facts.City}, {facts.State} {facts.Zip}",
            ["ClinicHours"] = facts.Hours.Summary(),
            ["ClinicClosedDays"] = ClosedDays(facts.Hours),
        };
        return Placeholders.Fill(html, name => values.TryGetValue(name, out var value) ? WebUtility.HtmlEncode(value) : null);
    }

    private static string ClosedDays(OpeningHours hours)
    {
        var closed = hours.Week.Where(day => day.Hours is null).Select(day => day.Day.ToString()).ToList();
        return closed.Count switch
        {
            0 => "Open every day",
            1 => $"Closed {closed[0]}",
            _ => $"Closed {string.Join(", ", closed[..^1])} and {closed[^1]}",
        };
    }
}
