using System.Net;
using System.Text.Json.Nodes;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Tests.Infrastructure.Postgres;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Deployment;

/// <summary>
/// docs/deploy.md's "several instances" setup without containers: the Release publish output run twice as
/// `dotnet ClinicBot.dll` in Production (website chat only: Bot:AllowAnonymous), both on one fresh PostgreSQL
/// database with the key ring in it, each behind a trusted proxy (loopback sends X-Forwarded-For). A visitor's
/// conversation works on each instance, a booking started on one is finished on the other, and it is saved once.
/// Needs PostgreSQL (skipped without it; required in CI by CLINICBOT_REQUIRE_ALL_TESTS).
/// </summary>
public sealed class PublishedInstancesTests(PublishedApp published) : IClassFixture<PublishedApp>, IDisposable
{
    private readonly PostgresTestDatabase _database = new();
    private readonly string _dataFolder = TempFolder.Create("clinicbot-published-data");

    public void Dispose()
    {
        _database.Dispose();
        TempFolder.TryDelete(_dataFolder);
    }

    [SkippableFact]
    public async Task Two_published_instances_on_one_database_serve_one_booking_between_them_and_save_it_once()
    {
        // The database first: without PostgreSQL the test is skipped before it pays for a publish.
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = _database.ConnectionString,
            ["Storage:DataFolder"] = _dataFolder,
            ["Bot:AllowAnonymous"] = "true",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            // One new conversation per visitor address per hour: shows which address each instance counts.
            ["DirectLine:RateLimits:ConversationsPerAddress"] = "1",
            ["DirectLine:RateLimits:WindowSeconds"] = "3600",
        };

        var launch = new AppLaunch(await published.AssemblyPathAsync(), "Production");

        // One after the other: the first creates the schema and the key ring the second then reads.
        await using var instanceA = await AppProcess.StartAsync("published-A", settings, launch);
        var first = await Visitor(instanceA, "203.0.113.10").StartAndAskAsync("what are your hours");
        await using var instanceB = await AppProcess.StartAsync("published-B", settings, launch);
        var second = await Visitor(instanceB, "203.0.113.20").StartAndAskAsync("where are you located");
        Assert.NotEmpty(first);
        Assert.NotEmpty(second);

        var onA = Visitor(instanceA, "203.0.113.30");
        await onA.StartAsync();
        foreach (var text in new[] { "i want to book the free call", "Maria Delgado", "(832) 555-0142" })
        {
            await onA.SayAsync(text);
        }

        // The proxy sends the rest of the conversation to the other instance: same token, same conversation.
        var onB = Visitor(instanceB, "203.0.113.30");
        onB.Client.Token = onA.Client.Token;
        onB.Client.ConversationId = onA.Client.ConversationId;
        var replies = new List<string>();
        foreach (var text in new[] { "maria@example.com", "tuesday morning", "yes" })
        {
            replies.AddRange(await onB.SayAsync(text));
        }

        var booking = Assert.Single(_database.Query("SELECT reference, name, channel FROM bookings"));
        var reference = (string)booking["reference"]!;
        Assert.Contains(replies, reply => reply.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("Maria", (string)booking["name"]!); // encrypted with the shared key ring
        Assert.NotEmpty(_database.Query("SELECT id FROM dataprotection_keys"));
        Assert.False(Directory.Exists(Path.Combine(_dataFolder, "keys")), "the key ring is in the database, not in a folder");

        // Each instance counted the forwarded visitor, not the proxy: a second conversation from 203.0.113.10 is
        // refused while another visitor behind the same proxy still gets one.
        Assert.Equal(HttpStatusCode.TooManyRequests, await Visitor(instanceA, "203.0.113.10").RequestTokenAsync());
        Assert.Equal(HttpStatusCode.OK, await Visitor(instanceA, "203.0.113.11").RequestTokenAsync());
    }

    private static PublishedVisitor Visitor(AppProcess instance, string forwardedFor)
    {
        var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return new PublishedVisitor(new DirectLineTestClient(http));
    }

    /// <summary>One visitor's Direct Line client on one instance, reading the bot's replies after each message.</summary>
    private sealed class PublishedVisitor(DirectLineTestClient client)
    {
        private string _watermark = string.Empty;

        public DirectLineTestClient Client => client;

        public Task StartAsync() => client.StartAsync();

        public async Task<List<string>> StartAndAskAsync(string question)
        {
            await StartAsync();
            return await SayAsync(question);
        }

        /// <summary>Posts <paramref name="text"/> and returns the texts of the bot's replies that followed it.</summary>
        public async Task<List<string>> SayAsync(string text)
        {
            var posted = await client.PostMessageAsync(text);
            Assert.True(posted.StatusCode == HttpStatusCode.OK, $"'{text}': {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
            var (activities, watermark) = await client.GetActivitiesAsync(_watermark);
            _watermark = watermark;
            var afterMessage = activities.SkipWhile(activity => DirectLineTestClient.Text(activity!) != text || IsFromBot(activity!));
            var replies = DirectLineTestClient.FromBot(new JsonArray(afterMessage.Select(a => a!.DeepClone()).ToArray()))
                .Select(activity => DirectLineTestClient.Text(activity) ?? string.Empty).ToList();
            Assert.True(replies.Count > 0, $"no reply to '{text}'");
            return replies;
        }

        public async Task<HttpStatusCode> RequestTokenAsync()
        {
            using var response = await client.Http.PostAsync("/api/directline/token", null);
            return response.StatusCode;
        }

        private static bool IsFromBot(JsonNode activity) => activity["from"]?["role"]?.GetValue<string>() == "bot";
    }
}
