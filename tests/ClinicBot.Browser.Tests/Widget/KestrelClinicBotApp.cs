using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Widget;

/// <summary>
/// The real app on a real Kestrel server bound to a loopback port, with a temporary data folder of its
/// own, so a real browser can use it. One per test class (xunit class fixture).
/// </summary>
public sealed class KestrelClinicBotApp : ClinicBotAppFactory
{
    private Uri? _baseAddress;

    public KestrelClinicBotApp()
        : this(settings: null)
    {
    }

    internal KestrelClinicBotApp(IDictionary<string, string?>? settings)
        : base(dataFolder: null, settings: settings)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

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
}
