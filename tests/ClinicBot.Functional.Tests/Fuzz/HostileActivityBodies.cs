using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClinicBot.Tests.Fuzz;

/// <summary>
/// FsCheck generators for POST /api/messages bodies: broken JSON, hostile structure, wrong types in every
/// activity field, odd unicode, hostile serviceUrls, well-formed activities with hostile text and card values,
/// and wrong content types or encodings. Everything random comes from FsCheck, so a seed replays a run.
/// </summary>
public sealed class HostileActivityBodies(string replyServiceUrl)
{
    public Gen<FuzzCase> Any() => Gen.Frequency(
        (3, RawGarbage()),
        (3, Truncated()),
        (2, DeepNesting()),
        (6, WrongTypedField()),
        (2, HostileServiceUrl()),
        (6, HostileText()),
        (4, CardSubmitValue()),
        (3, OtherActivityTypes()),
        (2, WrongContentType()),
        (2, BrokenEncodings()),
        (1, Oversized()));

    /// <summary>A plausible activity as ordered (field, raw JSON) pairs; mutators replace or add fields.</summary>
    public Gen<List<(string Field, string Json)>> Activity() =>
        from type in Gen.Frequency((6, Gen.Constant("message")), (1, Gen.Elements(HostileValues.ActivityTypes)))
        from channelId in Gen.Frequency((4, Gen.Constant("webchat")), (1, Gen.Elements(HostileValues.ChannelIds)))
        from conversation in Gen.Choose(0, 1_000_000)
        from text in HostileValues.Text
        from expectReplies in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new List<(string, string)>
        {
            ("type", HostileValues.Quote(type)),
            ("id", HostileValues.Quote($"act-{conversation}")),
            ("timestamp", "\"2026-11-27T10:00:00.000Z\""),
            ("channelId", HostileValues.Quote(channelId)),
            ("serviceUrl", HostileValues.Quote(replyServiceUrl)),
            // One visitor per conversation: reused user ids made per-user state grow across thousands of turns.
            ("from", $"{{\"id\":\"fuzz-user-{conversation}\",\"name\":\"Visitor\"}}"),
            ("recipient", "{\"id\":\"clinicbot\",\"name\":\"ClinicBot\"}"),
            ("conversation", $"{{\"id\":\"fuzz-{conversation}\"}}"),
            ("text", HostileValues.Quote(text)),
            ("locale", "\"en-US\""),
            ("deliveryMode", expectReplies ? "\"expectReplies\"" : "\"normal\""),
        };

    public static string Serialize(IEnumerable<(string Field, string Json)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"{HostileValues.Quote(f.Field)}:{f.Json}")) + "}";

    private static List<(string Field, string Json)> With(List<(string Field, string Json)> fields, string field, string json)
    {
        var copy = fields.Where(f => f.Field != field).ToList();
        copy.Add((field, json));
        return copy;
    }

    private Gen<FuzzCase> RawGarbage() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => FuzzCase.Json("random string", s)),
            ArbMap.Default.GeneratorFor<byte[]>().Select(b => new FuzzCase("random bytes", "application/json", b)),
            Gen.Elements("", " ", "null", "[]", "\"text\"", "42", "true", "{", "}", "{\"type\":}", "{'type':'message'}", "{type:message}",
                    "{\"type\":\"message\"}{\"type\":\"message\"}", "/* comment */ {}", "{\"a\":1,}", "\uFEFF{}", "[{\"type\":\"message\"}]")
                .Select(s => FuzzCase.Json("small invalid JSON", s)));

    private Gen<FuzzCase> Truncated() =>
        from fields in Activity()
        let json = Serialize(fields)
        from cut in Gen.Choose(0, json.Length - 1)
        select FuzzCase.Json("truncated activity", json[..cut]);

    private Gen<FuzzCase> DeepNesting() =>
        from depth in Gen.Elements(32, 63, 64, 65, 200, 5_000, 50_000)
        from field in Gen.Elements("channelData", "value", "entities", "from", "conversation")
        from fields in Activity()
        from bracket in Gen.Elements(("[", "]"), ("{\"a\":", "}"))
        let nested = string.Concat(Enumerable.Repeat(bracket.Item1, depth)) + "1" + string.Concat(Enumerable.Repeat(bracket.Item2, depth))
        from whole in Gen.Elements(true, false)
        select FuzzCase.Json($"nesting {depth} in {(whole ? "body" : field)}", whole ? nested : Serialize(With(fields, field, nested)));

    private Gen<FuzzCase> WrongTypedField() =>
        from fields in Activity()
        from field in Gen.Elements(HostileValues.Fields)
        from value in HostileValues.Fragment
        from expectReplies in Gen.Elements(true, false)
        let withValue = With(fields, field, value)
        let forced = field == "deliveryMode" || !expectReplies ? withValue : With(withValue, "deliveryMode", "\"expectReplies\"")
        select FuzzCase.Json($"{field} = {(value.Length > 40 ? value[..40] + "…" : value)}", Serialize(forced));

    private Gen<FuzzCase> HostileServiceUrl() =>
        from fields in Activity()
        from url in Gen.Elements(HostileValues.ServiceUrls)
        from expectReplies in Gen.Elements(true, false)
        // Without expectReplies the bot would post its reply to the URL. Only URLs the endpoint refuses or that
        // fail at once (a closed loopback port) go that way, so the run never waits on an unreachable host.
        let normal = !expectReplies && (!url.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.Contains("127.0.0.1:1/", StringComparison.Ordinal))
        select FuzzCase.Json($"serviceUrl {url[..Math.Min(url.Length, 40)]}",
            Serialize(With(With(fields, "serviceUrl", HostileValues.Quote(url)), "deliveryMode", normal ? "\"normal\"" : "\"expectReplies\"")));

    private Gen<FuzzCase> HostileText() =>
        from fields in Activity()
        from first in HostileValues.Text
        from second in HostileValues.Text
        from repeat in Gen.Choose(1, 3)
        select FuzzCase.Json("hostile text", Serialize(With(With(fields, "type", "\"message\""), "text",
            HostileValues.Quote(string.Concat(Enumerable.Repeat(first + second, repeat))))));

    private Gen<FuzzCase> CardSubmitValue() =>
        from fields in Activity()
        from action in Gen.Elements("confirm", "change", "cancel", "book", "", "\u0000", "CONFIRM", "<b>x</b>")
        from key in Gen.Elements("action", "name", "phone", "email", "date", "time", "choice", "msteams", "__proto__", "$type", "")
        from value in Gen.OneOf(HostileValues.Fragment, HostileValues.Text.Select(HostileValues.Quote))
        from shape in Gen.Choose(0, 4)
        let submit = shape switch
        {
            0 => $"{{\"action\":{HostileValues.Quote(action)},{HostileValues.Quote(key)}:{value}}}",
            1 => $"{{\"action\":{value}}}",
            2 => value,
            3 => $"{{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\",\"action\":{HostileValues.Quote(action)}}}",
            _ => $"{{\"action\":{HostileValues.Quote(action)},\"data\":{{\"action\":{value}}}}}",
        }
        from withText in Gen.Elements(true, false)
        let message = With(With(fields, "type", "\"message\""), "value", submit)
        select FuzzCase.Json($"card submit shape {shape}", Serialize(withText ? message : With(message, "text", "null")));

    private Gen<FuzzCase> OtherActivityTypes() =>
        from fields in Activity()
        from type in Gen.Elements(HostileValues.ActivityTypes)
        from name in Gen.Elements("adaptiveCard/action", "composeExtension/query", "signin/verifyState", "task/fetch", "healthCheck", "", "x")
        from value in HostileValues.Fragment
        from members in Gen.Elements("[{\"id\":\"clinicbot\"}]", "[{\"id\":\"fuzz-user-1\"}]", "[{}]", "[null]", "[]", "null", "\"x\"", "[{\"id\":null}]")
        select FuzzCase.Json($"{type} / {name}", Serialize(With(With(With(With(With(fields, "type", HostileValues.Quote(type)),
            "name", HostileValues.Quote(name)), "value", value), "membersAdded", members), "deliveryMode", "\"expectReplies\"")));

    private Gen<FuzzCase> WrongContentType() =>
        from fields in Activity()
        from contentType in Gen.OneOf(Gen.Elements<string?>(HostileValues.ContentTypes), Gen.Constant<string?>(null))
        select new FuzzCase("content type", contentType, Encoding.UTF8.GetBytes(Serialize(fields)));

    private Gen<FuzzCase> BrokenEncodings() =>
        from fields in Activity()
        from encoding in Gen.Choose(0, 4)
        let json = Serialize(fields)
        select encoding switch
        {
            0 => new FuzzCase("utf-16 body declared utf-8", "application/json; charset=utf-8", Encoding.Unicode.GetBytes(json)),
            1 => new FuzzCase("utf-16 body with BOM", "application/json; charset=utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]),
            2 => new FuzzCase("invalid utf-8 in text", "application/json", [.. Encoding.UTF8.GetBytes(json[..^1]), .. new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }, (byte)'}']),
            3 => new FuzzCase("utf-32 body", "application/json; charset=utf-32", Encoding.UTF32.GetBytes(json)),
            _ => new FuzzCase("NULs between fields", "application/json", Encoding.UTF8.GetBytes(json.Replace(",", ",\u0000", StringComparison.Ordinal))),
        };

    private Gen<FuzzCase> Oversized() =>
        from fields in Activity()
        from size in Gen.Elements(200_000, 262_144, 262_145, 400_000)
        from field in Gen.Elements("channelData", "text")
        select FuzzCase.Json($"{size}-char {field}", Serialize(With(fields, field, HostileValues.Quote(new string('x', size)))));
}
