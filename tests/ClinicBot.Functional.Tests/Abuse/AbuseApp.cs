using System.Net;
using System.Net.Sockets;
using ClinicBot.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Tests.Abuse;

/// <summary>
/// The real app with its logs captured; with <c>kestrel: true</c> on a real Kestrel loopback port, so requests have a
/// real client address (the in-memory test server has none) and clients can connect from different loopback
/// addresses (127.0.0.1, 127.0.0.2, ...), as different visitors would.
/// </summary>
public sealed class AbuseApp : ClinicBotAppFactory
{
    private Uri? _baseAddress;

    public AbuseApp(string environment = "Development", IDictionary<string, string?>? settings = null, bool kestrel = false)
        : base(dataFolder: null, environment, settings)
    {
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>The Kestrel server's address (starts it).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_baseAddress is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _baseAddress = new Uri(address.TrimEnd('/') + "/");
            }

            return _baseAddress;
        }
    }

    /// <summary>A client of the Kestrel server whose connections come from <paramref name="localAddress"/>.</summary>
    public HttpClient ClientFrom(string localAddress)
    {
        var from = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }
}
