using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicBot.Staff.Data;

/// <summary>
/// Makes sure the staff tables exist, at start-up. PostgreSQL: the Identity tables are one of the schema
/// migrations (see PostgresSchema), run under the migration lock; when the server cannot be reached at start-up
/// the app starts anyway (readiness stays 503, the bot can still answer what needs no database) and the
/// migrations run on first use. SQLite: the plain-SQL tables come with the
/// file (SqliteSchema), and the Identity tables are created from the checked-in DDL
/// (<see cref="StaffIdentitySchema.SqliteCreateScript"/>) when AspNetUsers is missing.
/// </summary>
public sealed class StaffSchema(ClinicDatabase database, ILogger<StaffSchema> logger)
{
    private readonly object _gate = new();
    private bool _created;

    public void EnsureCreated()
    {
        lock (_gate)
        {
            if (_created)
            {
                return;
            }

            switch (database)
            {
                case PostgresDatabase postgres:
                    try
                    {
                        postgres.EnsureMigratedAsync(CancellationToken.None).GetAwaiter().GetResult();
                    }
                    catch (NpgsqlException exception)
                    {
                        logger.LogWarning("PostgreSQL unreachable at start-up ({ExceptionType}); the schema is created on first use.", exception.GetType().Name);
                    }

                    break;
                case SqliteDatabase sqlite:
                    CreateSqliteTablesIfMissing(sqlite);
                    break;
            }

            _created = true;
        }
    }

    // The checked-in DDL, not EF Core's CreateTables(): that builds the EF Core model, a third of the app's start-up.
    // BEGIN IMMEDIATE takes the file's write lock before the check, so two instances starting on one new file do
    // not both create the tables.
    private static void CreateSqliteTablesIfMissing(SqliteDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers';";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = StaffIdentitySchema.SqliteCreateScript();
        create.ExecuteNonQuery();
        transaction.Commit();
    }
}
