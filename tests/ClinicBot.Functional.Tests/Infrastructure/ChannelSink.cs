using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Tests.Infrastructure;

/// <summary>
/// A local stand-in for a channel's connector service on a real Kestrel loopback port: it receives the
/// bot's replies exactly as Azure channels do (POST v3/conversations/{id}/activities[/{replyToId}]).
/// </summary>
public sealed class ChannelSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private ChannelSink(WebApplication app)
    {
        _app = app;
    }

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyCollection<JsonObject> Received => _received.ToArray();

    public static async Task<ChannelSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ChannelSink(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", sink.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.ServiceUrl = address.TrimEnd('/') + "/";
        return sink;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived, or the timeout passes.</summary>
    public async Task<IReadOnlyCollection<JsonObject>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
            {
                break;
            }
        }

        return Received;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var activity = (JsonObject?)await JsonNode.ParseAsync(request.Body);
        if (activity is null)
        {
            return Results.BadRequest();
        }

        _received.Enqueue(activity);
        _arrivals.Release();
        return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
