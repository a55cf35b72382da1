using ClinicBot.Storage;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>What of the bot-state store is failing, as when its database stops or dies mid-turn.</summary>
public enum StorageFault
{
    None,
    Everything,
    WritesOnly,
}

/// <summary>
/// Wraps the app's real bot-state storage and can be switched to fail the way a stopped database fails: with a
/// provider exception (a <see cref="System.Data.Common.DbException"/>), as SQLite and Npgsql both throw.
/// </summary>
public sealed class SwitchableStorage(IJsonStateStorage inner) : IJsonStateStorage
{
    public StorageFault Fault { get; set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIf(Fault == StorageFault.Everything);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ThrowIf(Fault != StorageFault.None);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task<StoredValue?> ReadWithJsonAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIf(Fault == StorageFault.Everything);
        return inner.ReadWithJsonAsync(key, cancellationToken);
    }

    public Task WriteJsonAsync(string key, object value, string json, CancellationToken cancellationToken = default)
    {
        ThrowIf(Fault != StorageFault.None);
        return inner.WriteJsonAsync(key, value, json, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIf(Fault != StorageFault.None);
        return inner.DeleteAsync(keys, cancellationToken);
    }

    private static void ThrowIf(bool failing)
    {
        if (failing)
        {
            throw new SqliteException("unable to open database file (simulated outage)", 14);
        }
    }
}
