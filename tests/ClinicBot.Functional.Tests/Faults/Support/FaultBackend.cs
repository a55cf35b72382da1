using ClinicBot.Storage.Bookings;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Tests.Faults.Support;

/// <summary>A booking as stored, with the encrypted fields decrypted (by the app's own protector and key folder).</summary>
public sealed record StoredBooking(string Reference, string IdempotencyKey, string Name, string PhoneE164, string Channel);

/// <summary>
/// The database app instances share in a fault test, and how the test reads back what they stored.
/// The encryption keys folder is shared as well, as instances of one deployment share it.
/// </summary>
public abstract class FaultBackend : IAsyncDisposable
{
    protected FaultBackend(string folder)
    {
        Folder = folder;
        KeysFolder = Path.Combine(folder, "keys");
    }

    public string Folder { get; }

    public string KeysFolder { get; }

    public abstract string Description { get; }

    /// <summary>Configuration for <see cref="Infrastructure.AppProcess"/>: storage and key settings.</summary>
    public virtual IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["DataProtection:KeysFolder"] = KeysFolder,
    };

    public async Task<IReadOnlyList<StoredBooking>> BookingsAsync()
    {
        var protector = new BookingFieldProtector(DataProtectionProvider.Create(new DirectoryInfo(KeysFolder), builder => builder.SetApplicationName("ClinicBot")));
        var rows = await QueryAsync("SELECT reference, idempotency_key, name, phone_e164, channel FROM bookings ORDER BY reference");
        return rows.Select(row => new StoredBooking(
            (string)row["reference"]!,
            (string)row["idempotency_key"]!,
            protector.Unprotect((string)row["name"]!),
            protector.Unprotect((string)row["phone_e164"]!),
            (string)row["channel"]!)).ToList();
    }

    /// <summary>The number of rows in <paramref name="table"/>; 0 before the table exists.</summary>
    public abstract Task<long> CountAsync(string table);

    /// <summary>The bot-state keys stored for conversations (they hold channel and conversation ids).</summary>
    public async Task<IReadOnlyList<string>> StateKeysAsync() =>
        (await QueryAsync("SELECT key FROM bot_state")).Select(row => (string)row["key"]!).ToList();

    protected abstract Task<List<Dictionary<string, object?>>> QueryAsync(string sql);

    public virtual ValueTask DisposeAsync()
    {
        Testing.Hosting.TempFolder.TryDelete(Folder);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One SQLite file (WAL) shared by the instances, as two processes on one machine can share it.</summary>
public sealed class SqliteFaultBackend : FaultBackend
{
    public SqliteFaultBackend()
        : base(Testing.Hosting.TempFolder.Create("clinicbot-faults"))
    {
    }

    public string DatabasePath => Path.Combine(Folder, "clinicbot.db");

    public override string Description => "SQLite (one shared file)";

    public override IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>(base.AppSettings)
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = DatabasePath,
    };

    public override Task<long> CountAsync(string table) => Task.FromResult(Testing.SqliteRows.Count(DatabasePath, table));

    protected override Task<List<Dictionary<string, object?>>> QueryAsync(string sql) => Task.FromResult(Testing.SqliteRows.Query(DatabasePath, sql));
}
