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
    public const string CodeAccepted = "account.code-accepted";
    public const string CodeRefused = "account.code-refused";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string TwoFactorReset = "account.two-factor-reset";
    public const string AccountRemoved = "account.removed";
}

/// <summary>Source recorded for changes made with the `staff` command on the server itself.</summary>
public static class AuditSources
{
    public const string CommandLine = "command-line";
}

/// <param name="StaffUserId">Who (Identity user id; null only for a failed sign-in of an unknown account).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="References">Which bookings were shown, exported or changed (references only, never field values).</param>
/// <param name="Detail">Non-personal context: a new status, a row count.</param>
/// <param name="Source">Where it came from; null = the current request's client address.</param>
public sealed record AuditEntry(string? StaffUserId, string? StaffEmail, string Action, IReadOnlyList<string> References, string? Detail, string? Source = null);

public sealed record AuditRow(DateTimeOffset At, string? StaffUserId, string? StaffEmail, string Action, string References, string? Detail, string? Source);

/// <summary>Append-only audit table: who did what, when, from where, to which booking. No patient field values.</summary>
public sealed class StaffAuditLog(ClinicDatabase database, TimeProvider time, IHttpContextAccessor http)
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        var source = entry.Source ?? (http.HttpContext is { } context ? Security.ClientAddress.Of(context) : null);
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand("""
            INSERT INTO staff_audit (at, staff_user_id, staff_email, action, booking_references, detail, source_address)
            VALUES (@at, @user, @email, @action, @refs, @detail, @source);
            """)
            .With("@at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))
            .With("@user", entry.StaffUserId)
            .With("@email", entry.StaffEmail)
            .With("@action", entry.Action)
            .With("@refs", string.Join(',', entry.References))
            .With("@detail", entry.Detail)
            .With("@source", source);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRow>> ReadLatestAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand("""
            SELECT at, staff_user_id, staff_email, action, booking_references, detail, source_address
            FROM staff_audit ORDER BY id DESC LIMIT @count;
            """).With("@count", count);
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new AuditRow(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetNullableString(1),
                reader.GetNullableString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetNullableString(5),
                reader.GetNullableString(6)));
        }

        return rows;
    }
}
