using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Eval;

/// <summary>
/// The real ClinicBot app (its Program, adapter, bot and stores) hosted in process with a fixed clock and
/// a fresh SQLite file. Messages go through POST /api/messages with deliveryMode expectReplies.
/// </summary>
public sealed class EvalBotHost : WebApplicationFactory<Program>
{
    private readonly DateTimeOffset _now;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"clinicbot-eval-{Guid.NewGuid():N}");
    private HttpClient? _client;

    public EvalBotHost(DateTimeOffset now)
    {
        _now = now;
        Directory.CreateDirectory(_dataFolder);

        // The app's content (appsettings, Content/) is copied next to this tool; WebApplicationFactory
        // would otherwise look for the web project's folder under the solution directory.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLINICBOT", AppContext.BaseDirectory);
    }

    private HttpClient Client => _client ??= CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_dataFolder, "eval.db"),
        }));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(_now)));
    }

    /// <summary>Sends one user message and returns the bot's replies to it.</summary>
    public async Task<IReadOnlyList<JsonObject>> SendAsync(string conversationId, string? text, JsonObject? value = null, string? localTimezone = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = _now.ToString("O"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "eval-user" },
            ["recipient"] = new JsonObject { ["id"] = "clinicbot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        if (localTimezone is not null)
        {
            activity["localTimezone"] = localTimezone;
        }

        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var activities = body?["activities"] as JsonArray ?? [];
        return activities.OfType<JsonObject>().ToList();
    }

    /// <summary>The topics the bot says it answered, read from channelData.clinicbot.topics of its replies, in order.</summary>
    public static IReadOnlyList<string> TopicsOf(IEnumerable<JsonObject> replies)
    {
        var topics = new List<string>();
        foreach (var reply in replies)
        {
            if (reply["channelData"]?["clinicbot"]?["topics"] is JsonArray list)
            {
                foreach (var topic in list.Select(node => (string?)node).OfType<string>())
                {
                    if (!topics.Contains(topic))
                    {
                        topics.Add(topic);
                    }
                }
            }
        }

        return topics;
    }

    protected override void Dispose(bool disposing)
    {
        _client?.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
