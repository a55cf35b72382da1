using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Tests.Infrastructure;

/// <summary>Builds real Bot Framework activity JSON the way a channel sends it.</summary>
public static class ActivityJson
{
    public static JsonObject Message(string text, string conversationId, string? serviceUrl = null, bool expectReplies = false, string userId = "user-1", string channelId = "test")
    {
        var activity = Base("message", conversationId, serviceUrl, expectReplies, userId, channelId);
        activity["text"] = text;
        return activity;
    }

    public static JsonObject MembersAdded(string conversationId, string? serviceUrl, bool expectReplies, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", conversationId, serviceUrl, expectReplies, "user-1", "test");
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) =>
        await client.PostAsJsonAsync("/api/messages", activity);

    /// <summary>Reads the "activities" array of an expectReplies response.</summary>
    public static async Task<JsonArray> RepliesAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = (JsonObject)(await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!;
        return (JsonArray)body["activities"]!;
    }

    private static JsonObject Base(string type, string conversationId, string? serviceUrl, bool expectReplies, string userId, string channelId)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl ?? "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Visitor" },
            ["recipient"] = new JsonObject { ["id"] = "clinicbot", ["name"] = "ClinicBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }
}
