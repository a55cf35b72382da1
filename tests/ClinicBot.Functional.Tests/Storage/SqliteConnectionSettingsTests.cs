using System.Data.Common;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Infrastructure;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Storage;

/// <summary>The per-connection pragmas hold on every connection the app gets, new or reused from the pool.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-pragmas");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task New_and_pooled_connections_all_carry_the_pragmas()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, "pragmas.db"));

        // Several at once (new native handles), then one after another (handles reused from the pool).
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => database.OpenAsync(CancellationToken.None)));
        var settings = new List<(long Synchronous, long SecureDelete, long BusyTimeout)>();
        foreach (var connection in concurrent)
        {
            settings.Add(await ReadAsync(connection));
        }

        foreach (var connection in concurrent)
        {
            await connection.DisposeAsync();
        }

        for (var i = 0; i < 6; i++)
        {
            await using var reused = await database.OpenAsync(CancellationToken.None);
            settings.Add(await ReadAsync(reused));
        }

        // synchronous NORMAL = 1, secure_delete ON = 1, busy_timeout in milliseconds.
        Assert.All(settings, setting => Assert.Equal((1L, 1L, 5000L), setting));
    }

    private static async Task<(long, long, long)> ReadAsync(DbConnection connection) =>
        (await ScalarAsync(connection, "PRAGMA synchronous"), await ScalarAsync(connection, "PRAGMA secure_delete"), await ScalarAsync(connection, "PRAGMA busy_timeout"));

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
