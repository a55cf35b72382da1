using ClinicBot.Booking.Store;
using ClinicBot.Storage.Bookings;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Tests.Staff.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ClinicBot.Testing.Hosting;

namespace ClinicBot.Tests.Staff;

/// <summary>Name, phone and email are encrypted before they reach the SQLite file; keys live outside it.</summary>
public sealed class BookingEncryptionTests
{
    [Fact]
    public async Task Canary_name_phone_and_email_are_not_in_the_database_file_in_plain_text()
    {
        using var app = new StaffAppFactory();
        var store = app.Services.GetRequiredService<IBookingStore>();
        var saved = await store.SaveAsync(StaffTestData.Booking(StaffTestData.CanaryName, DateTimeOffset.UtcNow, StaffTestData.CanaryPhone, StaffTestData.CanaryEmail), CancellationToken.None);

        var listed = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(StaffTestData.CanaryName, listed.Name);
        Assert.Equal(StaffTestData.CanaryPhone, listed.PhoneE164);
        Assert.Equal(StaffTestData.CanaryEmail, listed.Email);

        var row = StaffTestData.Query(app.DatabasePath, "SELECT name, phone_e164, email, reference FROM bookings").Single();
        Assert.Equal(saved.Reference, row["reference"]);
        Assert.StartsWith(BookingFieldProtector.Prefix, (string)row["name"]!);
        Assert.StartsWith(BookingFieldProtector.Prefix, (string)row["phone_e164"]!);

        var raw = StaffTestData.RawDatabaseText(app.DatabasePath);
        Assert.Contains(saved.Reference, raw);
        Assert.DoesNotContain("Zebulon", raw);
        Assert.DoesNotContain("Quixwright", raw);
        Assert.DoesNotContain("5550199", raw);
        Assert.DoesNotContain("canary.test", raw);
        Assert.False(System.Text.Encoding.Unicode.GetString(System.Text.Encoding.Latin1.GetBytes(raw)).Contains("Quixwright", StringComparison.Ordinal), "not in UTF-16 either");

        var keysFolder = Path.Combine(app.DataFolder, "keys");
        Assert.NotEmpty(Directory.GetFiles(keysFolder, "key-*.xml"));
    }

    [Fact]
    public async Task Who_the_call_is_for_and_who_booked_it_are_encrypted_too()
    {
        using var app = new StaffAppFactory();
        var store = app.Services.GetRequiredService<IBookingStore>();
        await store.SaveAsync(StaffTestData.Booking("Rosa Elena Díaz", DateTimeOffset.UtcNow) with { CallFor = "grandmother", BookedBy = StaffTestData.CanaryName }, CancellationToken.None);

        var listed = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(("grandmother", StaffTestData.CanaryName), (listed.CallFor, listed.BookedBy));

        var row = StaffTestData.Query(app.DatabasePath, "SELECT call_for, booked_by FROM bookings").Single();
        Assert.StartsWith(BookingFieldProtector.Prefix, (string)row["call_for"]!);
        Assert.StartsWith(BookingFieldProtector.Prefix, (string)row["booked_by"]!);
        var raw = StaffTestData.RawDatabaseText(app.DatabasePath);
        Assert.DoesNotContain("grandmother", raw);
        Assert.DoesNotContain("Quixwright", raw);
    }

    [Fact]
    public async Task Rows_from_before_encryption_still_read_and_a_lost_key_ring_reads_as_unreadable_not_a_crash()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinicbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var plain = new DatabaseBookingStore(new SqliteDatabase(Path.Combine(folder, "clinicbot.db")));
        await plain.SaveAsync(StaffTestData.Booking("Legacy Plain", DateTimeOffset.UtcNow), CancellationToken.None);

        var firstKeys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys-a")));
        var protectedStore = new ProtectedBookingStore(plain, new BookingFieldProtector(firstKeys));
        await protectedStore.SaveAsync(StaffTestData.Booking("Encrypted Person", DateTimeOffset.UtcNow), CancellationToken.None);

        var names = (await protectedStore.ListAsync(CancellationToken.None)).Select(record => record.Name).ToList();
        Assert.Equal(["Legacy Plain", "Encrypted Person"], names);

        var otherKeys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys-b")));
        var withWrongKeys = new ProtectedBookingStore(plain, new BookingFieldProtector(otherKeys));
        var read = await withWrongKeys.ListAsync(CancellationToken.None);
        Assert.Equal(BookingFieldProtector.Unreadable, read[1].Name);
        Assert.DoesNotContain(read, record => record.Name.StartsWith(BookingFieldProtector.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_folder_setting_is_honoured_and_kept_outside_the_database()
    {
        var keys = Path.Combine(Path.GetTempPath(), "clinicbot-tests", Guid.NewGuid().ToString("N"), "custom-keys");
        using var app = new StaffAppFactory(new Dictionary<string, string?> { ["DataProtection:KeysFolder"] = keys });

        await StaffTestData.SaveAsync(app.Services, StaffTestData.Booking("Key Folder", DateTimeOffset.UtcNow));

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "keys")));
    }
}
