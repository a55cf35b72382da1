using ClinicBot.Analytics;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using ClinicBot.Staff.Bookings;
using ClinicBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicBot.Staff.Data;

/// <summary>
/// Creates the staff tables in the app's SQLite file. EF Core's EnsureCreated does nothing when the file
/// already has any table (bot_state and bookings are created by other stores), so the Identity tables are
/// created with CreateTables() when AspNetUsers is missing; the plain-SQL tables use CREATE ... IF NOT EXISTS.
/// </summary>
public sealed class StaffSchema(SqliteDatabase database, IServiceScopeFactory scopes)
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

            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
                if (!TableExists("AspNetUsers"))
                {
                    db.GetService<IRelationalDatabaseCreator>().CreateTables();
                }
            }

            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
            connection.Open();
            foreach (var ddl in new[] { BookingStatusStore.Schema, StaffAuditLog.Schema, SqliteAnalyticsStore.Schema })
            {
                using var command = connection.CreateCommand();
                command.CommandText = ddl;
                command.ExecuteNonQuery();
            }

            _created = true;
        }
    }

    private bool TableExists(string name)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
