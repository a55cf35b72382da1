using System.Buffers;
using System.Text.Json;

namespace ClinicBot.Bench.Load;

/// <summary>Writes the Activity JSON a Bot Framework channel posts to a bot's /api/messages.</summary>
public static class ActivityJson
{
    public const string BotId = "clinicbot";
    public const string ChannelId = "webchat";

    public static byte[] Message(BenchConversation conversation, string activityId, string text, string serviceUrl) =>
        Write(conversation, activityId, serviceUrl, writer =>
        {
            writer.WriteString("type", "message");
            writer.WriteString("text", text);
            writer.WriteString("textFormat", "plain");
        });

    /// <summary>What a channel sends when a conversation starts: membersAdded with the user and the bot.</summary>
    public static byte[] ConversationUpdate(BenchConversation conversation, string activityId, string serviceUrl) =>
        Write(conversation, activityId, serviceUrl, writer =>
        {
            writer.WriteString("type", "conversationUpdate");
            writer.WriteStartArray("membersAdded");
            WriteAccount(writer, conversation.UserId, "Visitor");
            WriteAccount(writer, BotId, "ClinicBot");
            writer.WriteEndArray();
        });

    private static byte[] Write(BenchConversation conversation, string activityId, string serviceUrl, Action<Utf8JsonWriter> writeKind)
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeKind(writer);
            writer.WriteString("id", activityId);
            writer.WriteString("timestamp", DateTimeOffset.UtcNow);
            writer.WriteString("channelId", ChannelId);
            writer.WriteString("serviceUrl", serviceUrl);
            writer.WriteString("locale", "en-US");
            writer.WritePropertyName("from");
            WriteAccount(writer, conversation.UserId, "Visitor");
            writer.WritePropertyName("recipient");
            WriteAccount(writer, BotId, "ClinicBot");
            writer.WriteStartObject("conversation");
            writer.WriteString("id", conversation.Id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAccount(Utf8JsonWriter writer, string id, string name)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("name", name);
        writer.WriteEndObject();
    }
}
