using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// A stand-in clinic website on <c>http://localhost:PORT1</c> whose page carries the launcher's one script tag,
/// and the real chat app on <c>http://127.0.0.1:PORT2</c>: another site for the browser, so the chat frame is a
/// third-party frame. The clinic site sends the Content-Security-Policy lines the docs tell a clinic to add,
/// and the app allows the site in <c>WebChat:FrameAncestors</c>.
/// </summary>
public sealed class CrossSiteEmbed : IAsyncLifetime
{
    private WebApplication? _site;

    public KestrelClinicBotApp Chat { get; private set; } = null!;

    /// <summary>The clinic site's page: <c>http://localhost:PORT1/</c>.</summary>
    public Uri SiteAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _site = builder.Build();
        _site.MapGet("/", (HttpContext context) =>
        {
            var chat = Chat.BaseAddress.GetLeftPart(UriPartial.Authority);
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {chat}; style-src 'self' {chat}; frame-src {chat}";
            return Results.Content(HostPage(chat, context.Request.Query["preload"] == "intent" ? "intent" : "idle"), "text/html; charset=utf-8");
        });
        await _site.StartAsync();

        var port = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        SiteAddress = new Uri($"http://localhost:{port}/");
        Chat = new KestrelClinicBotApp(new Dictionary<string, string?>
        {
            ["WebChat:FrameAncestors"] = $"'self' http://localhost:{port}",
        });
        _ = Chat.BaseAddress; // start it before the first page asks for widget.js
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        Chat?.Dispose();
    }

    private static string HostPage(string chat, string preload) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Clinic website</title></head>
        <body>
          <main><h1>A clinic's own website</h1><p>The chat button comes from one script tag.</p></main>
          <script src="{{chat}}/widget.js" defer data-title="Chat with us" data-preload="{{preload}}"></script>
        </body>
        </html>
        """;
}
