using ClinicBot.Booking.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Testing.Hosting;

public static class StaffTestData
{
    public const string CanaryName = "Zebulon Quixwright";
    public const string CanaryPhone = "+18325550199";
    public const string CanaryEmail = "zebulon.quixwright@canary.test";

    public static BookingRequest Booking(string name, DateTimeOffset createdAt, string phone = "+18325550100", string? email = null) =>
        new(Guid.NewGuid().ToString("N"), name, phone, email, createdAt.AddDays(2), createdAt, "webchat");

    public static async Task<string> SaveAsync(IServiceProvider services, BookingRequest request)
    {
        var store = services.GetRequiredService<IBookingStore>();
        var result = await store.SaveAsync(request, CancellationToken.None);
        Assert.True(result.Created);
        return result.Reference;
    }

    public static List<Dictionary<string, object?>> Query(string databasePath, string sql) => SqliteRows.Query(databasePath, sql);

    /// <summary>Every byte of the database file and its WAL/SHM companions, as Latin-1 text for substring checks.</summary>
    public static string RawDatabaseText(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(databasePath)!;
        var bytes = Directory.GetFiles(folder, Path.GetFileName(databasePath) + "*")
            .SelectMany(ReadIfStillThere)
            .ToArray();
        return System.Text.Encoding.Latin1.GetString(bytes);
    }

    // SQLite removes its -shm/-wal companions when the last connection closes, which a background
    // service may do between listing the folder and reading the file.
    private static byte[] ReadIfStillThere(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }
}
