using System.Globalization;
using ClinicBot.Storage;

namespace ClinicBot.Staff.Audit;

/// <summary>What a staff member did; the names are stable strings stored in the audit table.</summary>
public static class AuditActions
{
    public const string ListBookings = "bookings.list";
    public const string ViewBooking = "booking.view";
    public const string ExportBookings = "bookings.export";
    public const string SetStatus = "booking.status";
    public const string ViewDashboard = "dashboard.view";
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string TwoFactorChanged = "account.two-factor";
}

/// <param name="StaffUserId">Who (Identity user id; null only for a failed sign-in of an unknown account).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="References">Which bookings were shown, exported or changed (references only, never field values).</param>
/// <param name="Detail">Non-personal context: a new status, a row count.</param>
public sealed record AuditEntry(string? StaffUserId, string? StaffEmail, string Action, IReadOnlyList<string> References, string? Detail);

public sealed record AuditRow(DateTimeOffset At, string? StaffUserId, string? StaffEmail, string Action, string References, string? Detail);

/// <summary>Append-only audit table: who did what, when, to which booking. No patient field values.</summary>
public sealed class StaffAuditLog(SqliteDatabase database, TimeProvider time)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS staff_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            staff_user_id TEXT NULL,
            staff_email TEXT NULL,
            action TEXT NOT NULL,
            booking_references TEXT NOT NULL,
            detail TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_staff_audit_at ON staff_audit (at);
        """;

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO staff_audit (at, staff_user_id, staff_email, action, booking_references, detail)
            VALUES ($at, $user, $email, $action, $refs, $detail);
            """;
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$user", (object?)entry.StaffUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$email", (object?)entry.StaffEmail ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$refs", string.Join(',', entry.References));
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRow>> ReadLatestAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT at, staff_user_id, staff_email, action, booking_references, detail
            FROM staff_audit ORDER BY id DESC LIMIT $count;
            """;
        command.Parameters.AddWithValue("$count", count);
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new AuditRow(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }
}
