using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicBot.Tests.DirectLine;

/// <summary>Talks Direct Line 3.0 to the app the way Web Chat does, over HTTP.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public string Token { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public HttpClient Http => http;

    /// <summary>POST /api/directline/token, then POST /conversations (the welcome turn runs).</summary>
    public async Task<JsonObject> StartAsync()
    {
        var issued = await ReadJsonAsync(await http.PostAsync("/api/directline/token", null), HttpStatusCode.OK);
        Token = issued["token"]!.GetValue<string>();
        ConversationId = issued["conversationId"]!.GetValue<string>();
        var started = await SendAsync(HttpMethod.Post, $"{Base}/conversations");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return issued;
    }

    public Task<HttpResponseMessage> PostMessageAsync(string text, string? clientActivityId = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId ?? ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "spoofed-user", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }.ToJsonString());

    public Task<HttpResponseMessage> GetActivitiesResponseAsync(string watermark = "", string? conversationId = null) =>
        SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark}");

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string watermark = "")
    {
        var body = await ReadJsonAsync(await GetActivitiesResponseAsync(watermark), HttpStatusCode.OK);
        return (body["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static IEnumerable<JsonNode> FromBot(JsonArray activities, string type = "message") =>
        activities.Where(a => a!["from"]?["role"]?.GetValue<string>() == "bot" && a["type"]?.GetValue<string>() == type)!;

    public static string? Text(JsonNode activity) => activity["text"]?.GetValue<string>();
}
