using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Globalization;
using ClinicBot.Bench.Hosting;

namespace ClinicBot.Bench.Sink;

/// <summary>
/// The channel's connector service at the bot's serviceUrl, as Azure channels and Teams run it: it takes
/// POST v3/conversations/{id}/activities[/{replyToId}] and answers {"id": ...} at once. Counts what it got.
/// </summary>
public sealed class ChannelSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _replies;

    private ChannelSink(WebApplication app, int port)
    {
        _app = app;
        ServiceUrl = LoopbackHttp.Address(port).ToString();
    }

    public string ServiceUrl { get; }

    public long Replies => Interlocked.Read(ref _replies);

    public static async Task<ChannelSink> StartAsync()
    {
        var port = LoopbackHttp.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ChannelSink(app, port);
        app.Run(sink.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/v3/conversations"))
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            var id = Interlocked.Increment(ref _replies);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"" + id.ToString(CultureInfo.InvariantCulture) + "\"}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
