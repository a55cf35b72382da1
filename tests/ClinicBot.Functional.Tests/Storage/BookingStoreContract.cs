using System.Diagnostics;
using ClinicBot.Booking.Store;
using ClinicBot.Storage.Bookings;
using ClinicBot.Tests.Infrastructure;
using Xunit.Abstractions;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Storage;

/// <summary>What <see cref="DatabaseBookingStore"/> promises, checked on every backend (the derived classes below).</summary>
public abstract class BookingStoreContract<TBackend> : IDisposable
    where TBackend : StorageBackend, new()
{
    protected static readonly DateTimeOffset Callback = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-6));
    protected static readonly DateTimeOffset Created = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    protected TBackend Backend { get; } = new();

    public void Dispose() => Backend.Dispose();

    protected DatabaseBookingStore NewStore() => new(Backend.Open());

    protected static BookingRequest Request(string key, string name = "Maria Delgado", string? email = "maria@example.com") =>
        new(key, name, "+18325550142", email, Callback, Created, "webchat");

    [SkippableFact]
    public async Task Saves_one_booking_with_a_readable_reference_and_lists_it_back()
    {
        var store = NewStore();

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
    }

    [SkippableFact]
    public async Task A_booking_for_someone_else_keeps_who_it_is_for_and_who_booked_it()
    {
        var store = NewStore();
        await store.SaveAsync(Request("key-self"), CancellationToken.None);
        await store.SaveAsync(Request("key-mom", "Rosa Elena Díaz") with { CallFor = "mom", BookedBy = "Ana Díaz" }, CancellationToken.None);

        var records = await store.ListAsync(CancellationToken.None);
        Assert.Equal((null, null), (records[0].CallFor, records[0].BookedBy));
        Assert.Equal(("Rosa Elena Díaz", "mom", "Ana Díaz"), (records[1].Name, records[1].CallFor, records[1].BookedBy));
    }

    [SkippableFact]
    public async Task Saving_the_same_idempotency_key_twice_keeps_one_booking_and_returns_its_reference()
    {
        var store = NewStore();

        var first = await store.SaveAsync(Request("same-key"), CancellationToken.None);
        var second = await store.SaveAsync(Request("same-key", name: "Someone Else"), CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Reference, second.Reference);
        Assert.Equal("Maria Delgado", Assert.Single(await store.ListAsync(CancellationToken.None)).Name);
    }

    [SkippableFact]
    public async Task Concurrent_saves_of_one_booking_from_two_instances_make_one_row()
    {
        var storeA = NewStore();
        var storeB = NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? storeA : storeB).SaveAsync(Request("race-key"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.Single(await storeA.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Hostile_values_are_stored_verbatim_and_the_table_survives()
    {
        var store = NewStore();
        var sqlName = "Robert'); DROP TABLE bookings;--";
        var htmlEmail = "a<script>@example.com";

        await store.SaveAsync(Request("k1", name: sqlName, email: htmlEmail), CancellationToken.None);
        await store.SaveAsync(Request("k2", name: "José 😀 Núñez", email: null), CancellationToken.None);

        var records = await store.ListAsync(CancellationToken.None);
        Assert.Equal(new[] { sqlName, "José 😀 Núñez" }, records.Select(r => r.Name));
        Assert.Equal(htmlEmail, records[0].Email);
        Assert.Null(records[1].Email);
    }

    [SkippableFact]
    public async Task A_new_store_over_the_same_database_sees_earlier_bookings()
    {
        var saved = await NewStore().SaveAsync(Request("k"), CancellationToken.None);

        var reopened = NewStore();

        Assert.Equal(saved.Reference, Assert.Single(await reopened.ListAsync(CancellationToken.None)).Reference);
    }
}

public sealed class SqliteBookingStoreTests : BookingStoreContract<SqliteBackend>
{
    [Fact]
    public async Task Stores_times_as_fixed_width_text_and_uses_wal()
    {
        await NewStore().SaveAsync(Request("key-1"), CancellationToken.None);

        var row = Assert.Single(SqliteRows.Query(Backend.FilePath, "SELECT callback, created_at FROM bookings"));
        Assert.Equal("2026-12-01T10:00:00-06:00", row["callback"]);
        Assert.Equal("2026-11-30T16:00:00.000Z", row["created_at"]);
        Assert.Equal("wal", Assert.Single(SqliteRows.Query(Backend.FilePath, "PRAGMA journal_mode"))["journal_mode"]);
    }

    [Fact]
    public async Task A_file_made_before_bookings_for_someone_else_gets_the_new_columns_and_keeps_its_rows()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Backend.FilePath};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE bookings (id INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, idempotency_key TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL, phone_e164 TEXT NOT NULL, email TEXT NULL, callback TEXT NOT NULL, created_at TEXT NOT NULL, channel TEXT NOT NULL);
                INSERT INTO bookings (reference, idempotency_key, name, phone_e164, email, callback, created_at, channel)
                VALUES ('KB-OLD22', 'old-key', 'Old Row', '+18325550100', NULL, '2026-12-01T10:00:00-06:00', '2026-11-30T16:00:00.000Z', 'webchat');
                """;
            create.ExecuteNonQuery();
        }

        var store = NewStore();
        await store.SaveAsync(Request("key-new") with { CallFor = "son" }, CancellationToken.None);

        var records = await store.ListAsync(CancellationToken.None);
        Assert.Equal(("Old Row", (string?)null), (records[0].Name, records[0].CallFor));
        Assert.Equal("son", records[1].CallFor);

        // Opening the upgraded file again adds nothing twice.
        await NewStore().ListAsync(CancellationToken.None);
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

public sealed class PostgresBookingStoreTests(ITestOutputHelper output) : BookingStoreContract<PostgresBackend>
{
    [SkippableFact]
    public async Task Two_hundred_concurrent_saves_with_distinct_keys_make_two_hundred_rows_with_unique_references()
    {
        var storeA = NewStore();
        var storeB = NewStore();
        Assert.Empty(await storeA.ListAsync(CancellationToken.None)); // schema migrated before the clock starts
        Assert.Empty(await storeB.ListAsync(CancellationToken.None));
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => (i % 2 == 0 ? storeA : storeB).SaveAsync(Request($"key-{i}"), CancellationToken.None))));

        clock.Stop();
        output.WriteLine($"200 concurrent booking saves on PostgreSQL (two pools): {clock.ElapsedMilliseconds} ms");
        Assert.All(results, result => Assert.True(result.Created));
        Assert.Equal(200, results.Select(result => result.Reference).Distinct().Count());
        Assert.Equal(200L, Backend.Database.Query("SELECT COUNT(*) AS n FROM bookings")[0]["n"]);
        Assert.Equal(200L, Backend.Database.Query("SELECT COUNT(DISTINCT reference) AS n FROM bookings")[0]["n"]);
    }

    [SkippableFact]
    public async Task Stores_times_as_fixed_width_text()
    {
        await NewStore().SaveAsync(Request("key-1"), CancellationToken.None);

        var row = Assert.Single(Backend.Database.Query("SELECT callback, created_at FROM bookings"));
        Assert.Equal("2026-12-01T10:00:00-06:00", row["callback"]);
        Assert.Equal("2026-11-30T16:00:00.000Z", row["created_at"]);
    }
}
