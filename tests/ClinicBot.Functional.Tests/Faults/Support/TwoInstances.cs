using ClinicBot.Tests.Infrastructure;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>
/// Two app processes on two loopback ports sharing one database, started on first use (so a test that needs an
/// outside program can skip from inside the test) and stopped when the test class is done.
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private FaultBackend? _backend;
    private AppProcess? _first;
    private AppProcess? _second;

    public FaultBackend Backend => _backend ?? throw new InvalidOperationException("Call StartAsync first.");

    public AppProcess First => _first ?? throw new InvalidOperationException("Call StartAsync first.");

    public AppProcess Second => _second ?? throw new InvalidOperationException("Call StartAsync first.");

    public IReadOnlyList<AppProcess> Both => [First, Second];

    public async Task StartAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_second is not null)
            {
                return;
            }

            _backend ??= await CreateBackendAsync();
            // One after the other: the first creates the schema and the encryption key the second then reads.
            _first ??= await AppProcess.StartAsync("instance-1", _backend.AppSettings);
            _second = await AppProcess.StartAsync("instance-2", _backend.AppSettings);
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Lines both instances logged that contain <paramref name="fragment"/>.</summary>
    public int CountLogLines(string fragment) =>
        Both.Sum(instance => instance.Output.Count(line => line.Contains(fragment, StringComparison.Ordinal)));

    protected abstract Task<FaultBackend> CreateBackendAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}

public sealed class SqliteTwoInstances : TwoInstances
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(new SqliteFaultBackend());
}

public sealed class PostgresTwoInstances : TwoInstances
{
    protected override Task<FaultBackend> CreateBackendAsync() => Task.FromResult<FaultBackend>(PostgresFaultBackend.CreateOnSharedServer());
}
