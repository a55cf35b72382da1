using System.Data.Common;
using System.Globalization;
using ClinicBot.Booking.Store;
using ClinicBot.Storage;
using ClinicBot.Storage.Bookings;

namespace ClinicBot.Staff.Bookings;

/// <summary>A filtered, newest-first slice of the bookings table joined with status, as stored (fields still encrypted).</summary>
public sealed record StoredBookingRow(BookingRecord Record, BookingStatus Status);

/// <summary>
/// The staff list's SQL: filter, order and page in the database, so a page view reads and decrypts only its
/// own rows. Date bounds are instants (the clinic-local day already turned into UTC) compared with created_at,
/// whose fixed-width UTC text sorts as time.
/// </summary>
public sealed class StaffBookingQuery(ClinicDatabase database)
{
    private const string Columns = """
        SELECT b.reference, b.name, b.phone_e164, b.email, b.callback, b.created_at, b.channel, b.call_for, b.booked_by, s.status
        FROM bookings b LEFT JOIN booking_status s ON s.reference = b.reference
        """;

    public async Task<int> CountAsync(StoredBookingFilter filter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bookings b LEFT JOIN booking_status s ON s.reference = b.reference" + Where(command, filter) + ";";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <param name="take">Rows to return; null = all from <paramref name="skip"/> on (the CSV export).</param>
    public async Task<IReadOnlyList<StoredBookingRow>> ListAsync(StoredBookingFilter filter, int skip, int? take, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var limit = take is null ? string.Empty : " LIMIT @take OFFSET @skip";
        command.CommandText = Columns + Where(command, filter) + " ORDER BY b.created_at DESC, b.reference DESC" + limit + ";";
        if (take is not null)
        {
            command.With("@take", take.Value).With("@skip", skip);
        }

        return await ReadAsync(command, ct).ConfigureAwait(false);
    }

    public async Task<StoredBookingRow?> FindAsync(string reference, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand(Columns + " WHERE b.reference = @reference;").With("@reference", reference);
        return (await ReadAsync(command, ct).ConfigureAwait(false)).SingleOrDefault();
    }

    private static string Where(DbCommand command, StoredBookingFilter filter)
    {
        var conditions = new List<string>();
        if (filter.Status is { } status)
        {
            conditions.Add(status == BookingStatus.New ? "(s.status IS NULL OR s.status = @status)" : "s.status = @status");
            command.With("@status", status.ToKey());
        }

        if (filter.FromUtc is { } from)
        {
            conditions.Add("b.created_at >= @from");
            command.With("@from", DatabaseBookingStore.CreatedAtText(from));
        }

        if (filter.BeforeUtc is { } before)
        {
            conditions.Add("b.created_at < @before");
            command.With("@before", DatabaseBookingStore.CreatedAtText(before));
        }

        return conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
    }

    private static async Task<IReadOnlyList<StoredBookingRow>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<StoredBookingRow>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var record = DatabaseBookingStore.ReadRecord(reader);
            var status = BookingStatusNames.TryParse(reader.GetNullableString(9), out var parsed) ? parsed : BookingStatus.New;
            rows.Add(new StoredBookingRow(record, status));
        }

        return rows;
    }
}

/// <summary>A list filter in stored terms: status, and created-at bounds as UTC instants (from inclusive, before exclusive).</summary>
public sealed record StoredBookingFilter(BookingStatus? Status, DateTimeOffset? FromUtc, DateTimeOffset? BeforeUtc);
