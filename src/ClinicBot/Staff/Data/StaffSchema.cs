using ClinicBot.Staff.Accounts;
using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ClinicBot.Staff.Data;

/// <summary>
/// Makes sure the staff tables exist, at start-up. PostgreSQL: the Identity tables are one of the schema
/// migrations (see PostgresSchema), run under the migration lock; when the server cannot be reached at start-up
/// the app starts anyway (readiness stays 503, the bot can still answer what needs no database) and the
/// migrations run on first use. SQLite: the plain-SQL tables come with the
/// file (SqliteSchema); EF Core's EnsureCreated does nothing when the file already has any table, so the
/// Identity tables are created with CreateTables() when AspNetUsers is missing.
/// </summary>
public sealed class StaffSchema(ClinicDatabase database, IServiceScopeFactory scopes, ILogger<StaffSchema> logger)
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
                case SqliteDatabase sqlite when !TableExists(sqlite, "AspNetUsers"):
                    using (var scope = scopes.CreateScope())
                    {
                        scope.ServiceProvider.GetRequiredService<StaffDbContext>().GetService<IRelationalDatabaseCreator>().CreateTables();
                    }

                    break;
            }

            _created = true;
        }
    }

    private static bool TableExists(SqliteDatabase database, string name)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
