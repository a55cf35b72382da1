using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Booking.Fields;
using ClinicBot.Booking.Store;
using ClinicBot.Knowledge;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Tests.Booking.Conversations;

/// <summary>
/// The real app (Program, /api/messages, adapter, bot, topic classifier, SQLite booking store) in memory with
/// the clock pinned to <see cref="Now"/>, as the eval tool's booking mode runs it. Messages go in with
/// deliveryMode expectReplies, so the replies of each turn come back with it.
/// </summary>
public sealed class SuiteBotHost : ClinicBotAppFactory
{
    /// <summary>A date the suite's clinic declares closed (as clinic.json "closedDates" would): Wednesday 2026-12-09.</summary>
    public static readonly DateOnly ClosedDate = new(2026, 12, 9);

    /// <summary>Monday 2026-11-30 10:00 America/Chicago, the eval tool's default clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-6));

    private HttpClient? _client;

    public SuiteBotHost()
        : base(dataFolder: null)
    {
    }

    private HttpClient Client => _client ??= CreateClient();

    public IBookingStore Bookings => Services.GetRequiredService<IBookingStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            services.AddSingleton(sp => CallbackWindow.From(sp.GetRequiredService<ClinicKnowledge>().Facts) with
            {
                ClosedDates = new HashSet<DateOnly> { ClosedDate },
            });
        });
    }

    /// <summary>Sends one message and returns the texts of the bot's replies ("[card]" for an attachment, then any buttons).</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string conversationId, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = Now.ToString("O"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "suite-user-" + conversationId },
            ["recipient"] = new JsonObject { ["id"] = "clinicbot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "en-US",
            ["text"] = text,
        };

        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (body?["activities"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(reply => ((string?)reply["text"] ?? string.Empty)
                + (reply["attachments"] is JsonArray { Count: > 0 } ? " [card]" : string.Empty)
                + (reply["suggestedActions"]?["actions"] is JsonArray { Count: > 0 } actions
                    ? " [buttons: " + string.Join(" | ", actions.Select(a => (string?)a?["title"])) + "]"
                    : string.Empty))
            .ToList();
    }

    protected override void Dispose(bool disposing)
    {
        _client?.Dispose();
        base.Dispose(disposing);
    }
}
