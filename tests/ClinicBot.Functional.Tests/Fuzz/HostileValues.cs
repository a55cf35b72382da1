using FsCheck;
using FsCheck.Fluent;

namespace ClinicBot.Tests.Fuzz;

/// <summary>Raw JSON fragments and strings that have broken parsers, serializers and bots before.</summary>
public static class HostileValues
{
    /// <summary>Visitor text: markup, injection, format strings, direction and invisible characters, lone surrogates, NUL.</summary>
    public static readonly string[] Texts =
    [
        "", " ", "hi", "What does a consultation cost?", "book a consultation", "cancel", "help", "yes", "no",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE bot_state; --", "\" OR 1=1 --",
        "{0}{1}{2}%s%n%x", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../../../etc/passwd", "[click](javascript:alert(1))",
        "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "a\u0000b", "\u0000", "\uD800", "\uDFFF", "x\uD83Dy",
        "👨‍👩‍👧‍👦", "Z\u0364\u0311\u0313a\u0308\u0307l\u036E", "مرحبا كم سعر الاستشارة", "\r\n\r\nHTTP/1.1 200 OK",
        "832-899-4065", "me@example.com", "I have 1000 mg ketamine?", new string('a', 5000), new string('\u0301', 3000),
        string.Concat(Enumerable.Repeat("\uD83D\uDE00", 2000)),
    ];

    /// <summary>JSON values of every wrong type, and values at the edges of what parsers accept.</summary>
    public static readonly string[] Fragments =
    [
        "null", "0", "-1", "-0", "1e309", "-1e309", "1E-400", "123456789012345678901234567890123456789", "0.0000000000000000000001",
        "true", "false", "[]", "{}", "[1,\"2\",null]", "{\"id\":{}}", "{\"id\":[]}", "{\"id\":null}", "{\"id\":1e400}",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"", "\"x\\u0000y\"",
        "NaN", "Infinity", "-Infinity", "undefined", "'single quoted'", "\"2026-13-45T99:99:99Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"",
        "\"0001-01-01T00:00:00-14:00\"", "\"not a date\"", "\"" + new string('x', 100_000) + "\"",
        "[" + string.Join(",", Enumerable.Repeat("{}", 5000)) + "]",
    ];

    /// <summary>serviceUrl values a hostile caller might try.</summary>
    public static readonly string[] ServiceUrls =
    [
        "file:///etc/passwd", "javascript:alert(1)", "http://169.254.169.254/latest/meta-data/", "http://[::1]:1/", "ftp://127.0.0.1/",
        "http://", "https://", "//127.0.0.1/", "http://127.0.0.1:99999/", "http://user:pass@127.0.0.1:1/", "http://127.0.0.1:1/%00",
        "http://127.0.0.1:1/" + new string('a', 60_000), "http://\u202E.example/", "http://xn--80ak6aa92e.com/", "data:text/html,hi",
        "  http://127.0.0.1:1/  ", "HTTP://127.0.0.1:1/", "http://127.0.0.1:1/../../", "",
    ];

    /// <summary>Activity fields that get a wrong-typed or edge value.</summary>
    public static readonly string[] Fields =
    [
        "type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "recipient", "conversation", "text",
        "channelData", "value", "attachments", "entities", "deliveryMode", "locale", "membersAdded", "membersRemoved", "name",
        "replyToId", "textFormat", "attachmentLayout", "suggestedActions", "relatesTo", "expiration", "importance", "callerId",
    ];

    public static readonly string[] ActivityTypes =
    [
        "message", "conversationUpdate", "event", "invoke", "typing", "messageReaction", "installationUpdate", "endOfConversation",
        "contactRelationUpdate", "deleteUserData", "messageUpdate", "messageDelete", "handoff", "trace", "command", "", "MESSAGE", "unknownType",
    ];

    public static readonly string[] ChannelIds = ["webchat", "msteams", "directline", "emulator", "test", "slack", "", "AseChannel", "\u0000"];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp",
        "application/json; charset=utf-16", "application/json; charset=bogus", "application/json; charset=iso-8859-1",
        "application/vnd.api+json", "text/json", "*/*",
    ];

    public static Gen<string> Text => Gen.Elements(Texts);

    public static Gen<string> Fragment => Gen.Elements(Fragments);

    /// <summary>A JSON string literal holding <paramref name="value"/>, escaping only what JSON requires (lone surrogates survive).</summary>
    public static string Quote(string value)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                >= '\ud800' and <= '\udfff' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
