using ClinicBot.Channels.DirectLine;
using ClinicBot.Endpoints;
using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Http;

/// <summary>
/// Both adapters (/api/messages and the local Direct Line) run the one turn pipeline: middleware registered
/// once reaches every channel, and a failing turn gets the same apology on both.
/// </summary>
public sealed class TurnPipelineTests : IDisposable
{
    private readonly CountingMiddleware _middleware = new();
    private readonly PipelineApp _app;

    public TurnPipelineTests()
    {
        _app = new PipelineApp(_middleware);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Middleware_registered_once_runs_on_api_messages_and_on_the_local_direct_line()
    {
        var bot = new EchoBot();

        var messagesAdapter = _app.Services.GetRequiredService<ClinicBotAdapter>();
        await messagesAdapter.ProcessParsedActivityAsync(string.Empty, Message("emulator", "http://localhost:1", "api"), bot, CancellationToken.None);
        var directLineAdapter = _app.Services.GetRequiredService<LocalDirectLineAdapter>();
        await directLineAdapter.ProcessActivityAsync(Message("directline", "http://localhost", "local"), bot, CancellationToken.None);

        Assert.Equal(["emulator", "directline"], _middleware.Channels);
    }

    [Fact]
    public async Task A_failing_turn_on_the_local_direct_line_goes_through_the_shared_error_handler()
    {
        var directLineAdapter = _app.Services.GetRequiredService<LocalDirectLineAdapter>();
        var sent = new List<string>();
        _middleware.OnSend = sent.Add;

        await directLineAdapter.ProcessActivityAsync(Message("directline", "http://localhost", "boom"), new FailingBot(), CancellationToken.None);

        Assert.Equal([_app.Services.GetRequiredService<ClinicBot.Bots.BotMessages>().TurnError], sent);
    }

    private static Activity Message(string channel, string serviceUrl, string conversation) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channel,
        ServiceUrl = serviceUrl,
        DeliveryMode = DeliveryModes.ExpectReplies,
        Text = "hello",
        From = new ChannelAccount("user-1"),
        Recipient = new ChannelAccount("clinicbot"),
        Conversation = new ConversationAccount { Id = $"pipeline-{conversation}-{Guid.NewGuid():N}" },
    };

    private sealed class PipelineApp(CountingMiddleware middleware) : ClinicBotAppFactory(dataFolder: null)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(middleware));
        }
    }

    private sealed class CountingMiddleware : Microsoft.Bot.Builder.IMiddleware
    {
        public List<string> Channels { get; } = [];

        public Action<string>? OnSend { get; set; }

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            lock (Channels)
            {
                Channels.Add(turnContext.Activity.ChannelId);
            }

            turnContext.OnSendActivities(async (context, activities, nextSend) =>
            {
                foreach (var activity in activities.Where(activity => activity.Type == ActivityTypes.Message))
                {
                    OnSend?.Invoke(activity.Text);
                }

                return await nextSend().ConfigureAwait(false);
            });
            await next(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the turn failed");
    }
}
