using System.Globalization;
using ClinicBot.Storage.Schema;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to the newest <see cref="SchemaMigration"/>. A session advisory lock makes
/// instances that start together take turns: the first applies the missing steps, the others then find
/// nothing left to do. Each step runs in its own transaction together with its schema_version row.
/// </summary>
public sealed class PostgresMigrator(IReadOnlyList<SchemaMigration> migrations)
{
    // Any constant shared by all instances of the app; "ClinicBo" in ASCII.
    private const long AdvisoryLockKey = 0x436C696E6963426F;

    public async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key);", AdvisoryLockKey, cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_utc TEXT NOT NULL
                );
                """, null, cancellationToken).ConfigureAwait(false);

            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            foreach (var migration in migrations.Where(step => step.Version > current).OrderBy(step => step.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql(), null, cancellationToken).ConfigureAwait(false);
                await using (var record = connection.CreateCommand("INSERT INTO schema_version (version, description, applied_utc) VALUES (@version, @description, @now);", transaction))
                {
                    record.With("@version", migration.Version)
                        .With("@description", migration.Description)
                        .With("@now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A broken connection has ended its session, which released the lock already.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key);", AdvisoryLockKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, long? key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        if (key is { } value)
        {
            command.With("@key", value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
