using ClinicBot.Staff.Accounts;
using ClinicBot.Storage;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicBot.Staff.Data;

/// <summary>
/// Makes sure the staff tables exist, at start-up. PostgreSQL: the Identity tables are one of the schema
/// migrations (see PostgresSchema), run under the migration lock. SQLite: the plain-SQL tables come with the
/// file (SqliteSchema); EF Core's EnsureCreated does nothing when the file already has any table, so the
/// Identity tables are created with CreateTables() when AspNetUsers is missing.
/// </summary>
public sealed class StaffSchema(ClinicDatabase database, IServiceScopeFactory scopes)
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
                    postgres.EnsureMigratedAsync(CancellationToken.None).GetAwaiter().GetResult();
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
