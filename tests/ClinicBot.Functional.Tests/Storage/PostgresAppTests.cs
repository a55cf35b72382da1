using System.Diagnostics;
using System.Net;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Infrastructure.Postgres;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Storage;

/// <summary>The real app (WebApplicationFactory) with Storage:Provider=Postgres.</summary>
public sealed class PostgresAppTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task A_booking_through_the_messages_endpoint_lands_in_postgres_and_nothing_in_sqlite()
    {
        using var app = new ClinicBotAppFactory(dataFolder: null, settings: PostgresAppSettings.For(_database.ConnectionString));
        var client = app.CreateClient();

        var replies = new List<string>();
        foreach (var text in new[] { "i want to book the free call", "Maria Delgado", "(832) 555-0142", "maria@example.com", "tuesday morning", "yes" })
        {
            var turn = await ActivityJson.PostAsync(client, ActivityJson.Message(text, "conv-pg-booking", expectReplies: true, channelId: "webchat"));
            Assert.True(turn.IsSuccessStatusCode, $"turn '{text}': {(int)turn.StatusCode}");
            replies.AddRange((await ActivityJson.RepliesAsync(turn)).Select(reply => (string?)reply!["text"] ?? string.Empty));
        }

        var reference = Assert.Single(_database.Query("SELECT reference FROM bookings"))["reference"] as string;
        Assert.NotNull(reference);
        Assert.Contains(replies, reply => reply.Contains(reference, StringComparison.Ordinal));
        Assert.NotEmpty(_database.Query("SELECT key FROM bot_state WHERE key LIKE '%conv-pg-booking%'"));
        Assert.False(File.Exists(app.DatabasePath), "the SQLite file must not be created when the provider is Postgres");
    }

    [SkippableFact]
    public async Task Readiness_is_healthy_on_postgres_and_unhealthy_within_seconds_once_the_server_stops()
    {
        using var server = PrivatePostgresServer.StartNew();
        using var app = new ClinicBotAppFactory(dataFolder: null, settings: PostgresAppSettings.For(server.ConnectionString));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        server.Stop();
        var clock = Stopwatch.StartNew();
        var stopped = await client.GetAsync("/health/ready");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");

        server.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [SkippableFact]
    public async Task The_app_starts_while_postgres_is_down_reports_not_ready_and_works_once_it_is_back()
    {
        using var server = PrivatePostgresServer.StartNew();
        server.Stop();
        using var app = new ClinicBotAppFactory(dataFolder: null, settings: PostgresAppSettings.For(server.ConnectionString));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        server.Start();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var turn = await ActivityJson.PostAsync(client, ActivityJson.Message("what are your hours", "conv-pg-late", expectReplies: true));
        Assert.True(turn.IsSuccessStatusCode, $"{(int)turn.StatusCode}");
        Assert.NotEmpty(await ActivityJson.RepliesAsync(turn));
    }

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider")]
    [InlineData("Postgres", null, "Storage:PostgresConnectionString")]
    [InlineData("Postgres", "Host=db;Password=s3cret-Pa55;Colour=blue", "Storage:PostgresConnectionString")]
    public void A_bad_storage_configuration_stops_the_app_at_start_up_with_a_clear_message_and_no_password(string provider, string? connectionString, string named)
    {
        using var app = new ClinicBotAppFactory(dataFolder: null, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:PostgresConnectionString"] = connectionString,
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(named, error.Message);
        Assert.DoesNotContain("s3cret-Pa55", error.ToString());
    }
}
