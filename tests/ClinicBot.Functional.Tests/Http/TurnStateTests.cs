using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Http;

/// <summary>
/// Turn errors and restarts through the real adapter and SQLite storage. The bot here is a small
/// counter so the tests can see exactly what state was kept.
/// </summary>
public sealed class TurnStateTests : IDisposable
{
    private readonly string _dataFolder = TempFolder.Create("clinicbot-turns");

    public void Dispose() => TempFolder.TryDelete(_dataFolder);

    [Fact]
    public async Task An_exception_inside_a_turn_apologises_keeps_state_and_the_next_turn_works()
    {
        using var factory = CounterApp();
        var client = factory.CreateClient();

        Assert.Equal("count 1", await SendAsync(client, "conv-error", "tick"));
        Assert.Equal("count 2", await SendAsync(client, "conv-error", "tick"));

        var apology = await SendAsync(client, "conv-error", "boom");
        Assert.Contains("Sorry, something went wrong", apology);
        Assert.Contains("832-899-4065", apology);

        Assert.Equal("count 3", await SendAsync(client, "conv-error", "tick"));
    }

    [Fact]
    public async Task Conversation_state_survives_a_restart_of_the_app_host()
    {
        using (var first = CounterApp())
        {
            var client = first.CreateClient();
            await SendAsync(client, "conv-restart", "tick");
            Assert.Equal("count 2", await SendAsync(client, "conv-restart", "tick"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var second = CounterApp();
        Assert.Equal("count 3", await SendAsync(second.CreateClient(), "conv-restart", "tick"));
    }

    private WebApplicationFactoryWithBot CounterApp() => new(_dataFolder);

    private static async Task<string> SendAsync(HttpClient client, string conversationId, string text)
    {
        var response = await ActivityJson.PostAsync(client, ActivityJson.Message(text, conversationId, expectReplies: true));
        var replies = await ActivityJson.RepliesAsync(response);
        return string.Join(" | ", replies.Select(reply => (string?)reply!["text"]));
    }

    private sealed class WebApplicationFactoryWithBot(string dataFolder) : ClinicBotAppFactory(dataFolder)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IBot, CounterBot>());
        }
    }

    private sealed class CounterBot(ConversationState conversationState) : ActivityHandler
    {
        public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        }

        protected override async Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var counter = conversationState.CreateProperty<int>("count");
            var count = await counter.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await counter.SetAsync(turnContext, count, cancellationToken);
            if (turnContext.Activity.Text == "boom")
            {
                throw new InvalidOperationException("boom inside the turn");
            }

            await turnContext.SendActivityAsync($"count {count}", cancellationToken: cancellationToken);
        }
    }
}
