using ClinicBot.Testing.Hosting;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Tests.Staff;

/// <summary>A SQLite file from before audit rows kept the client address gets the column at start-up and keeps its rows.</summary>
public sealed class StaffAuditUpgradeTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("clinicbot-audit-upgrade");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public async Task An_older_audit_table_gains_the_source_address_column()
    {
        var path = Path.Combine(_folder, "clinicbot.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE staff_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, staff_user_id TEXT NULL,
                    staff_email TEXT NULL, action TEXT NOT NULL, booking_references TEXT NOT NULL, detail TEXT NULL);
                INSERT INTO staff_audit (at, action, booking_references) VALUES ('2026-01-01T00:00:00Z', 'bookings.list', '');
                """;
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var app = new StaffAppFactoryOn(_folder);
        await StaffForms.SignInAsync(app.CreateStaffClient("192.0.2.99"), "nobody@clinic.test", "Wrong-password-123!");

        var rows = StaffTestData.Query(path, "SELECT action, source_address FROM staff_audit ORDER BY id");
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0]["source_address"]);
        Assert.Equal("192.0.2.99", rows[1]["source_address"]);
    }
}
