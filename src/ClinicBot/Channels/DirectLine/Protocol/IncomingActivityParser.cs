using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ClinicBot.Channels.DirectLine.Protocol;

public enum IncomingActivityOutcome
{
    Accepted,
    Ignored,
    TooLong,
    Invalid,
}

public sealed record IncomingActivityResult(IncomingActivityOutcome Outcome, IncomingActivity? Activity, string? Problem)
{
    /// <summary>The text of a message refused as too long: read for crisis language before the refusal, never stored.</summary>
    public string? TooLongText { get; init; }

    public static IncomingActivityResult Invalid(string problem) => new(IncomingActivityOutcome.Invalid, null, problem);
}

/// <summary>
/// Reads an activity posted by a browser. Only what a visitor may say is kept (type, text, card submit
/// value, locale, Web Chat's clientActivityID); identities, ids and timestamps come from the server.
/// </summary>
public static class IncomingActivityParser
{
    private static readonly string[] KeptChannelData = ["clientActivityID", "clientTimestamp", "postBack"];

    public static IncomingActivityResult Parse(string body, int maxTextLength)
    {
        JObject json;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 32, DateParseHandling = DateParseHandling.None };
            json = JObject.Load(reader);
        }
        catch (JsonException)
        {
            return IncomingActivityResult.Invalid("The body is not a JSON activity.");
        }

        // Not Value<string>(): it throws (a 500) when "type" is an object or array.
        var type = ReadString(json, "type");
        if (type == ActivityTypes.Typing)
        {
            return new IncomingActivityResult(IncomingActivityOutcome.Ignored, null, null);
        }

        if (type != ActivityTypes.Message && type != ActivityTypes.Event)
        {
            return IncomingActivityResult.Invalid("Only message and event activities can be posted.");
        }

        if (json["text"] is { } textToken && textToken.Type is not (JTokenType.String or JTokenType.Null))
        {
            return IncomingActivityResult.Invalid("The activity's text must be a string.");
        }

        var text = (string?)json["text"];
        if (text is not null && text.Length > maxTextLength)
        {
            return new IncomingActivityResult(IncomingActivityOutcome.TooLong, null, null) { TooLongText = text };
        }

        var value = json["value"];
        if (type == ActivityTypes.Message && string.IsNullOrWhiteSpace(text) && (value is null || value.Type == JTokenType.Null))
        {
            return IncomingActivityResult.Invalid("A message needs text or a value.");
        }

        var activity = new IncomingActivity(
            type,
            text,
            ReadString(json, "textFormat"),
            value?.Type == JTokenType.Null ? null : value,
            ReadString(json, "name"),
            ReadString(json, "locale"),
            KeepChannelData(json["channelData"] as JObject));
        return new IncomingActivityResult(IncomingActivityOutcome.Accepted, activity, null);
    }

    private const int MaxShortStringLength = 100;

    /// <summary>A short string field (locale, name, textFormat), cut to a sane length; null if absent or not a string.</summary>
    private static string? ReadString(JObject json, string name)
    {
        var value = json[name] is JValue { Type: JTokenType.String } token ? (string?)token : null;
        return value is { Length: > MaxShortStringLength } ? value[..MaxShortStringLength] : value;
    }

    private static JObject? KeepChannelData(JObject? channelData)
    {
        if (channelData is null)
        {
            return null;
        }

        var kept = new JObject();
        foreach (var name in KeptChannelData)
        {
            if (channelData[name] is JValue value)
            {
                kept[name] = value;
            }
        }

        return kept.Count == 0 ? null : kept;
    }
}
