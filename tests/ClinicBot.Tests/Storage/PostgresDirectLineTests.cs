using System.Net;
using ClinicBot.Tests.DirectLine;
using ClinicBot.Tests.Infrastructure.Postgres;

namespace ClinicBot.Tests.Storage;

/// <summary>The local Direct Line channel on PostgreSQL: two app instances serve one conversation (by polling).</summary>
public sealed class PostgresDirectLineTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task A_conversation_started_on_one_instance_continues_on_another()
    {
        var settings = PostgresAppSettings.For(_database.ConnectionString);
        using var instanceA = new DirectLineAppFactory(settings: settings);
        using var instanceB = new DirectLineAppFactory(settings: settings);

        var onA = new DirectLineTestClient(instanceA.CreateClient());
        await onA.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await onA.PostMessageAsync("what are your hours", "c-1")).StatusCode);
        var (seenOnA, _) = await onA.GetActivitiesAsync();

        // The load balancer sends the next requests to the other instance: same token, same conversation.
        var onB = new DirectLineTestClient(instanceB.CreateClient()) { Token = onA.Token, ConversationId = onA.ConversationId };
        var (seenOnB, watermarkOnB) = await onB.GetActivitiesAsync();
        Assert.Equal(seenOnA.Select(a => a!.ToJsonString()), seenOnB.Select(a => a!.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, (await onB.PostMessageAsync("where are you located", "c-2")).StatusCode);
        var (after, _) = await onA.GetActivitiesAsync(watermarkOnB);
        Assert.Contains(after, a => DirectLineTestClient.Text(a!) == "where are you located");
        Assert.NotEmpty(DirectLineTestClient.FromBot(after));

        var sequences = _database.Query($"SELECT sequence FROM directline_activities WHERE conversation_id = '{onA.ConversationId}' ORDER BY sequence")
            .Select(row => (long)row["sequence"]!).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }
}
