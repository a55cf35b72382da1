using ClinicBot.Storage;
using ClinicBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// Two app instances in this process (two hosts, each with its own services and write gate) sharing one database,
/// their bot-state storage passed through one <see cref="CollisionBarrier"/> so a test can make turns collide.
/// Started on first use (so a test that needs PostgreSQL can skip from inside the test).
/// </summary>
public abstract class TwoHosts : IAsyncLifetime
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly List<WebApplicationFactory<Program>> _factories = [];
    private FaultBackend? _backend;
    private HttpClient[]? _clients;

    public CollisionBarrier Barrier { get; } = new();

    public FaultBackend Backend => _backend ?? throw new InvalidOperationException("Call StartAsync first.");

    public IReadOnlyList<HttpClient> Clients => _clients ?? throw new InvalidOperationException("Call StartAsync first.");

    public async Task StartAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_clients is not null)
            {
                return;
            }

            _backend ??= await CreateBackendAsync();
            // One after the other: the first creates the schema and the encryption key the second then reads.
            _clients = [Start(), Start()];
        }
        finally
        {
            _startLock.Release();
        }
    }

    protected abstract Task<FaultBackend> CreateBackendAsync();

    private HttpClient Start()
    {
        var settings = Backend.AppSettings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value);
        var factory = new ClinicBotAppFactory(Backend.Folder, settings: settings);
        _factories.Add(factory);
        var instance = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IJsonStateStorage>(provider =>
                new CollidingStateStorage(ActivatorUtilities.CreateInstance<BotStateStorage>(provider), Barrier))));
        _factories.Add(instance);
        return instance.CreateClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients ?? [])
        {
            client.Dispose();
        }

        foreach (var factory in Enumerable.Reverse(_factories))
        {
            await factory.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}

public sealed class SqliteTwoHosts : TwoHosts
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(new SqliteFaultBackend());
}

public sealed class PostgresTwoHosts : TwoHosts
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(PostgresFaultBackend.CreateOnSharedServer());
}
