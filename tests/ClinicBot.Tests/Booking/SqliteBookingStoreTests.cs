using ClinicBot.Dialogs.Booking.Store;
using ClinicBot.Storage.Bookings;
using ClinicBot.Tests.Booking.Support;

namespace ClinicBot.Tests.Booking;

public class SqliteBookingStoreTests
{
    private static readonly DateTimeOffset Callback = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-6));
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    private static BookingRequest Request(string key, string name = "Maria Delgado", string? email = "maria@example.com") =>
        new(key, name, "+18325550142", email, Callback, Created, "webchat");

    [Fact]
    public async Task Saves_one_booking_with_a_readable_reference_and_lists_it_back()
    {
        using var db = new TempDatabase();
        var store = new SqliteBookingStore(db.ConnectionString);

        var saved = await store.SaveAsync(Request("key-1"), CancellationToken.None);

        Assert.True(saved.Created);
        Assert.True(BookingReference.IsWellFormed(saved.Reference), saved.Reference);
        var record = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(saved.Reference, record.Reference);
        Assert.Equal("Maria Delgado", record.Name);
        Assert.Equal("+18325550142", record.PhoneE164);
        Assert.Equal("maria@example.com", record.Email);
        Assert.Equal(Callback, record.Callback);
        Assert.Equal(TimeSpan.FromHours(-6), record.Callback.Offset);
        Assert.Equal(Created, record.CreatedAt);
        Assert.Equal("webchat", record.Channel);

        var row = Assert.Single(db.QueryRows("SELECT callback, created_at FROM bookings"));
        Assert.Equal("2026-12-01T10:00:00-06:00", row["callback"]);
        Assert.Equal("2026-11-30T16:00:00.000Z", row["created_at"]);
    }

    [Fact]
    public async Task Saving_the_same_idempotency_key_twice_keeps_one_booking_and_returns_its_reference()
    {
        using var db = new TempDatabase();
        var store = new SqliteBookingStore(db.ConnectionString);

        var first = await store.SaveAsync(Request("same-key"), CancellationToken.None);
        var second = await store.SaveAsync(Request("same-key", name: "Someone Else"), CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Reference, second.Reference);
        Assert.Equal("Maria Delgado", Assert.Single(await store.ListAsync(CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Concurrent_saves_of_one_booking_from_two_store_instances_make_one_row()
    {
        using var db = new TempDatabase();
        var storeA = new SqliteBookingStore(db.ConnectionString);
        var storeB = new SqliteBookingStore(db.ConnectionString);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? storeA : storeB).SaveAsync(Request("race-key"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.Single(await storeA.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Hostile_values_are_stored_verbatim_and_the_table_survives()
    {
        using var db = new TempDatabase();
        var store = new SqliteBookingStore(db.ConnectionString);
        var sqlName = "Robert'); DROP TABLE bookings;--";
        var htmlEmail = "a<script>@example.com";

        await store.SaveAsync(Request("k1", name: sqlName, email: htmlEmail), CancellationToken.None);
        await store.SaveAsync(Request("k2", name: "José 😀 Núñez", email: null), CancellationToken.None);

        var records = await store.ListAsync(CancellationToken.None);
        Assert.Equal(new[] { sqlName, "José 😀 Núñez" }, records.Select(r => r.Name));
        Assert.Equal(htmlEmail, records[0].Email);
        Assert.Null(records[1].Email);
    }

    [Fact]
    public async Task A_new_store_over_the_same_file_sees_earlier_bookings_and_uses_wal()
    {
        using var db = new TempDatabase();
        var saved = await new SqliteBookingStore(db.ConnectionString).SaveAsync(Request("k"), CancellationToken.None);

        var reopened = new SqliteBookingStore(db.ConnectionString);
        Assert.Equal(saved.Reference, Assert.Single(await reopened.ListAsync(CancellationToken.None)).Reference);
        Assert.Equal("wal", Assert.Single(db.QueryRows("PRAGMA journal_mode"))["journal_mode"]);
    }

    [Fact]
    public void References_use_an_unambiguous_alphabet()
    {
        var references = Enumerable.Range(0, 500).Select(_ => BookingReference.New()).ToList();
        Assert.All(references, r => Assert.True(BookingReference.IsWellFormed(r), r));
        Assert.DoesNotContain(references, r => r[3..].IndexOfAny(new[] { '0', 'O', '1', 'I', 'L' }) >= 0);
        Assert.True(references.Distinct().Count() > 490);
    }
}
