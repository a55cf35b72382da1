using ClinicBot.SdkTuning;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.ReplyPath;

/// <summary>
/// The reply path reuses connector clients across turns (the SDK builds and disposes one per turn).
/// These tests check the reuse happens and that a client "disposed" by the adapter after one turn still
/// delivers the next turn's replies to the channel.
/// </summary>
public sealed class ConnectorReuseTests
{
    [Fact]
    public async Task Consecutive_turns_reply_through_one_shared_connector_and_every_reply_reaches_the_channel()
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        await using var sink = await ChannelSink.StartAsync();
        var client = factory.CreateClient();

        for (var turn = 1; turn <= 3; turn++)
        {
            var response = await ActivityJson.PostAsync(client, ActivityJson.MembersAdded($"conv-reuse-{turn}", sink.ServiceUrl, expectReplies: false, "user-1"));
            Assert.True(response.IsSuccessStatusCode, $"turn {turn}: status {(int)response.StatusCode}");
        }

        var received = await sink.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(["conv-reuse-1", "conv-reuse-2", "conv-reuse-3"], received.Select(reply => (string?)reply["conversation"]!["id"]).Order());

        // One connector client for the one serviceUrl, plus one user token client for the (anonymous) bot identity.
        Assert.Equal(2, factory.Services.GetRequiredService<ConnectorClientCache>().Count);
    }

    [Fact]
    public async Task A_second_service_url_gets_its_own_connector_client()
    {
        using var factory = new ClinicBotAppFactory(dataFolder: null);
        await using var first = await ChannelSink.StartAsync();
        await using var second = await ChannelSink.StartAsync();
        var client = factory.CreateClient();

        await ActivityJson.PostAsync(client, ActivityJson.MembersAdded("conv-a", first.ServiceUrl, expectReplies: false, "user-1"));
        await ActivityJson.PostAsync(client, ActivityJson.MembersAdded("conv-b", second.ServiceUrl, expectReplies: false, "user-1"));

        Assert.Single(await first.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Single(await second.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(3, factory.Services.GetRequiredService<ConnectorClientCache>().Count);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_past_the_limit_callers_build_their_own_client()
    {
        using var cache = new ConnectorClientCache();
        for (var i = 0; i < ConnectorClientCache.MaxClients; i++)
        {
            Assert.NotNull(await cache.GetConnectorAsync($"key-{i}", () => Task.FromResult(NewClient())));
        }

        var created = false;
        var overflow = await cache.GetConnectorAsync("one-too-many", () =>
        {
            created = true;
            return Task.FromResult(NewClient());
        });

        Assert.Null(overflow);
        Assert.False(created);
        Assert.Equal(ConnectorClientCache.MaxClients, cache.Count);
    }

    [Fact]
    public async Task A_failed_creation_is_not_cached_and_the_next_turn_tries_again()
    {
        using var cache = new ConnectorClientCache();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetConnectorAsync("key", () => Task.FromException<IConnectorClient>(new InvalidOperationException("credentials unavailable"))));
        Assert.Equal(0, cache.Count);

        var client = await cache.GetConnectorAsync("key", () => Task.FromResult(NewClient()));
        Assert.NotNull(client);
        Assert.Same(client, await cache.GetConnectorAsync("key", () => throw new InvalidOperationException("must not be called again")));
    }

    [Fact]
    public async Task Disposing_the_handed_out_client_leaves_the_shared_client_usable()
    {
        using var cache = new ConnectorClientCache();
        var handedOut = await cache.GetConnectorAsync("key", () => Task.FromResult(NewClient()));

        handedOut!.Dispose();

        Assert.NotNull(handedOut.Conversations);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), handedOut.BaseUri);
    }

    private static IConnectorClient NewClient() =>
        new ConnectorClient(new Uri("http://127.0.0.1:9/"), MicrosoftAppCredentials.Empty, new HttpClient(), disposeHttpClient: true);
}
