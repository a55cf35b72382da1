using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.DirectLine;

/// <summary>What visitors type (and the tokens they hold) never reaches the logs, whatever happens to it.</summary>
public sealed class DirectLinePrivacyTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly DirectLineAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Message_text_and_tokens_are_never_logged()
    {
        const string marker = "Zebulon Quixotic 832-555-0199";
        using var app = _app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<ILoggerProvider>(_logs)));
        var client = new DirectLineTestClient(app.CreateClient());
        await client.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(marker)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostMessageAsync(marker + new string('x', 2100))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(
            HttpMethod.Post, $"{DirectLineTestClient.Base}/conversations/{client.ConversationId}/activities", "{\"type\":\"message\",\"text\":\"" + marker)).StatusCode);
        await client.GetActivitiesAsync();

        Assert.NotEmpty(_logs.Messages);
        Assert.DoesNotContain(_logs.Messages, line => line.Contains("Zebulon", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_logs.Messages, line => line.Contains("555-0199", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, line => line.Contains(client.Token, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
