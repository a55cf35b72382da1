using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.DirectLine;

/// <summary>The real app in memory with a fake clock, its own SQLite file and optional settings.</summary>
public sealed class DirectLineAppFactory(string? dataFolder = null, IDictionary<string, string?>? settings = null)
    : ClinicBotAppFactory(dataFolder, settings: settings)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
