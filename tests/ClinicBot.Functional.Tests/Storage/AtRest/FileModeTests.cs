using ClinicBot.Storage.Protection;
using ClinicBot.Storage.Sqlite;
using ClinicBot.Testing.Hosting;
using ClinicBot.Tests.DirectLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Tests.Storage.AtRest;

/// <summary>The database file (and -wal, -shm) 0600, the key-ring folder 0700 and its key files 0600, from the first write.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly string _folder = TempFolder.Create("clinicbot-modes");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [SkippableFact]
    public async Task The_app_creates_its_database_and_keys_readable_by_its_user_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        using var app = new DirectLineAppFactory(_folder);
        var client = new DirectLineTestClient(app.CreateClient());
        await client.StartAsync();
        await client.PostMessageAsync("what are your hours");
        // The key ring is written when the first value is protected; this makes sure one has been.
        app.Services.GetRequiredService<AtRestProtectors>().BotState.Protect("x");

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(app.DatabasePath));
        foreach (var companion in new[] { "-wal", "-shm" })
        {
            if (File.Exists(app.DatabasePath + companion))
            {
                Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(app.DatabasePath + companion));
            }
        }

        var keys = Path.Combine(_folder, "keys");
        Assert.Equal(OwnerAll, File.GetUnixFileMode(keys));
        var keyFiles = Directory.GetFiles(keys, "*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file => Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file)));
    }

    [SkippableFact]
    public void Files_left_readable_by_an_older_version_are_tightened()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var database = Path.Combine(_folder, "old.db");
        File.WriteAllBytes(database, []);
        File.SetUnixFileMode(database, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var keys = Directory.CreateDirectory(Path.Combine(_folder, "old-keys"));
        File.SetUnixFileMode(keys.FullName, OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var oldKey = Path.Combine(keys.FullName, "key-old.xml");
        File.WriteAllText(oldKey, "<key id=\"x\" version=\"1\" />");
        File.SetUnixFileMode(oldKey, OwnerReadWrite | UnixFileMode.OtherRead);

        _ = new SqliteDatabase(database);
        new OwnerOnlyXmlRepository(keys).GetAllElements();

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(database));
        Assert.Equal(OwnerAll, File.GetUnixFileMode(keys.FullName));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(oldKey));
    }

    [Fact]
    public void Keys_written_through_the_repository_read_back_and_protect_across_instances()
    {
        var keys = new DirectoryInfo(Path.Combine(_folder, "ring"));
        string Protect(string text) => Provider(keys).CreateProtector("p").Protect(text);
        var protectedText = Protect("hello");

        Assert.Equal("hello", Provider(keys).CreateProtector("p").Unprotect(protectedText));
        Assert.Single(Directory.GetFiles(keys.FullName, "*.xml"));
        Assert.Empty(Directory.GetFiles(keys.FullName, "*.tmp"));
    }

    private static IDataProtectionProvider Provider(DirectoryInfo keys)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("ClinicBot");
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options => options.XmlRepository = new OwnerOnlyXmlRepository(keys));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
