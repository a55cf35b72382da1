using System.Text;
using ClinicBot.Booking.Texts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Booking.Cards;

/// <summary>
/// Fills the Adaptive Card 1.5 template Content/cards/confirmation.json with the booking summary. Values are set
/// as JSON string values (never spliced into JSON text) and markdown characters in them are escaped, so what
/// the person typed is shown as plain text.
/// </summary>
public static class ConfirmationCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <param name="nameLabel">The name's label when not the usual one ("Call for" for someone else's call).</param>
    public static Attachment Create(BookingTexts texts, string name, string phone, string? email, string callback, string? nameLabel = null)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = texts.Get("card.title"),
            ["subtitle"] = texts.Get("card.subtitle"),
            ["timeZoneNote"] = texts.Get("card.timeZoneNote"),
            ["confirmTitle"] = texts.Get("card.confirm"),
            ["changeTitle"] = texts.Get("card.change"),
            ["cancelTitle"] = texts.Get("card.cancel"),
            ["nameLabel"] = nameLabel ?? texts.Get("fieldNames.Name"),
            ["phoneLabel"] = texts.Get("fieldNames.Phone"),
            ["emailLabel"] = texts.Get("fieldNames.Email"),
            ["callbackLabel"] = texts.Get("fieldNames.CallbackTime"),
            ["name"] = EscapeMarkdown(name),
            ["phone"] = EscapeMarkdown(phone),
            ["email"] = email is null ? texts.Get("noEmail") : EscapeMarkdown(email),
            ["callback"] = EscapeMarkdown(callback),
        };

        var card = JObject.Parse(texts.ConfirmationCard.Render(values));
        return new Attachment { ContentType = ContentType, Content = card };
    }

    /// <summary>Backslash-escapes (CommonMark) the characters that would start emphasis, links, code or markup, and drops control characters.</summary>
    public static string EscapeMarkdown(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                continue;
            }

            if ("\\`*_[]<>#~|".Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
