using System.Text.Json.Nodes;
using System.Net;
using ClinicBot.Channels.Teams;
using ClinicBot.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using ClinicBot.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.TeamsBehaviour;

public sealed class TeamsInstallAndTenantTests : IDisposable
{
    private const string AllowedTenant = "11111111-aaaa-4bbb-8ccc-000000000001";
    private const string OtherTenant = "99999999-aaaa-4bbb-8ccc-000000000009";

    private readonly ClinicBotAppFactory _factory = new(dataFolder: null, settings: new Dictionary<string, string?>
    {
        [TeamsTenantFilter.AllowedTenantsKey] = AllowedTenant,
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Installing_the_app_welcomes_once_and_the_bots_own_membersAdded_does_not_welcome_again()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        var install = await ActivityJson.PostAsync(client, TeamsActivityJson.InstallationAdd("a:personal-1", teams.ServiceUrl, AllowedTenant));
        var added = await ActivityJson.PostAsync(client, TeamsActivityJson.MembersAdded("a:personal-1", teams.ServiceUrl, AllowedTenant, TeamsActivityJson.BotId, "29:teams-user-1"));

        Assert.True(install.IsSuccessStatusCode);
        Assert.True(added.IsSuccessStatusCode, $"membersAdded must not fail the turn (status {(int)added.StatusCode})");
        var received = await teams.WaitForAsync(2, TimeSpan.FromSeconds(3));
        var welcome = Assert.Single(received);
        Assert.Contains("Ketamine Infusion Therapy Houston & Sugar Land", (string?)welcome["text"]);
    }

    [Fact]
    public async Task Activities_from_a_tenant_not_on_the_allow_list_are_ignored_and_nothing_is_stored()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        var response = await ActivityJson.PostAsync(client, TeamsActivityJson.Message("what are your hours", "a:other-tenant", teams.ServiceUrl, OtherTenant));
        var install = await ActivityJson.PostAsync(client, TeamsActivityJson.InstallationAdd("a:other-tenant", teams.ServiceUrl, OtherTenant));

        Assert.True(response.IsSuccessStatusCode);
        Assert.True(install.IsSuccessStatusCode);
        Assert.Empty(await teams.WaitForAsync(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(0, await StateRowsAsync());
    }

    [Theory]
    [InlineData("11111111-AAAA-4BBB-8CCC-000000000001")]
    [InlineData(" 11111111-aaaa-4bbb-8ccc-000000000001 ")]
    public async Task The_tenant_check_ignores_case_and_surrounding_spaces(string tenantAsSent)
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        var response = await ActivityJson.PostAsync(client, TeamsActivityJson.Message("what are your hours", $"a:tenant-case-{Guid.NewGuid():N}", teams.ServiceUrl, tenantAsSent));

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotEmpty(await teams.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    /// <summary>Found by the fuzzer: unreadable channelData failed the turn (the SDK's reader threw) instead of being ignored.</summary>
    [Theory]
    [InlineData("\"not an object\"")]
    [InlineData("[1, 2]")]
    [InlineData("{\"tenant\": 5}")]
    [InlineData("{\"tenant\": {\"id\": {\"nested\": true}}}")]
    public async Task Unreadable_channel_data_counts_as_an_unknown_tenant_and_is_ignored(string channelData)
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();
        var activity = TeamsActivityJson.Message("what are your hours", "a:hostile-channel-data", teams.ServiceUrl, AllowedTenant);
        activity["channelData"] = JsonNode.Parse(channelData);
        activity["conversation"]!.AsObject().Remove("tenantId"); // the tenant could only come from channelData

        var response = await ActivityJson.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await teams.WaitForAsync(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(0, await StateRowsAsync());
    }

    /// <summary>Found by the fuzzer: a mention entity of the wrong shape failed the turn; the question is answered instead.</summary>
    [Fact]
    public async Task A_malformed_mention_entity_does_not_stop_the_answer()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();
        var activity = TeamsActivityJson.Message("what are your hours", "a:hostile-mention", teams.ServiceUrl, AllowedTenant);
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = 5 });

        await ActivityJson.PostAsync(client, activity);

        var reply = Assert.Single(await teams.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        var topics = reply["channelData"]?["clinicbot"]?["topics"]?.AsArray().Select(topic => (string?)topic).ToList();
        Assert.Equal(["hours"], topics);
    }

    [Fact]
    public async Task An_allowed_tenant_gets_answers()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        await ActivityJson.PostAsync(client, TeamsActivityJson.Message("help", "a:allowed", teams.ServiceUrl, AllowedTenant, mentionBot: true));

        Assert.NotEmpty(await teams.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_mentioned_question_in_a_team_channel_is_answered_without_the_mention()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        await ActivityJson.PostAsync(client, TeamsActivityJson.Message("what are your hours", "19:channel-hours", teams.ServiceUrl, AllowedTenant, conversationType: "channel", mentionBot: true));

        var reply = Assert.Single(await teams.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("hours", (string?)reply["channelData"]!["clinicbot"]!["topics"]![0]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public async Task Booking_in_a_team_channel_is_moved_to_a_personal_chat_and_collects_nothing()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        await ActivityJson.PostAsync(client, TeamsActivityJson.Message("book a free call", "19:channel-book", teams.ServiceUrl, AllowedTenant, conversationType: "channel", mentionBot: true));
        var notice = Assert.Single(await teams.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        await ActivityJson.PostAsync(client, TeamsActivityJson.Message("Maria Delgado", "19:channel-book", teams.ServiceUrl, AllowedTenant, conversationType: "channel", mentionBot: true));
        var received = await teams.WaitForAsync(2, TimeSpan.FromSeconds(10));

        Assert.Contains("personal chat", (string?)notice["text"]);
        Assert.DoesNotContain(received, reply => ((string?)reply["text"] ?? "").Contains("phone number", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Booking_in_a_personal_chat_starts_the_booking_dialog()
    {
        await using var teams = await ChannelSink.StartAsync();
        var client = _factory.CreateClient();

        await ActivityJson.PostAsync(client, TeamsActivityJson.Message("book a free call", "a:personal-book", teams.ServiceUrl, AllowedTenant));
        var replies = await teams.WaitForAsync(2, TimeSpan.FromSeconds(10));

        Assert.Contains(replies, reply => ((string?)reply["text"] ?? "").Contains("full name", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("<at>ClinicBot</at> what are your hours", "what are your hours")]
    [InlineData("are you open <at>ClinicBot</at> today?", "are you open today?")]
    [InlineData("<at>Dana</at> <at>ClinicBot</at> where are you", "<at>Dana</at> where are you")]
    public void The_bots_mention_is_removed_from_the_text(string text, string expected)
    {
        var json = TeamsActivityJson.Message(text, "a:mention", "http://127.0.0.1:9/", AllowedTenant);
        json["entities"] = new System.Text.Json.Nodes.JsonArray(
            Mention(TeamsActivityJson.BotId, TeamsActivityJson.BotName),
            Mention("29:someone-else", "Dana"));
        var activity = Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(json.ToJsonString())!;

        Assert.Equal(expected, TeamsConversation.TextWithoutBotMention(activity));
    }

    private static System.Text.Json.Nodes.JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = id, ["name"] = name },
    };

    private Task<long> StateRowsAsync() => Task.FromResult(SqliteRows.Count(_factory.DatabasePath, "bot_state"));
}
