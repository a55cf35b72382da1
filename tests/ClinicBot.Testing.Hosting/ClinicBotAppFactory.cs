using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ClinicBot.Testing.Hosting;

/// <summary>
/// Hosts the real app (Program) in memory with its own SQLite file in a temporary folder.
/// Two factories given the same <see cref="DataFolder"/> see the same database, as after a restart.
/// </summary>
public class ClinicBotAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataFolder;

    public ClinicBotAppFactory(string? dataFolder, string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        _ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? TempFolder.Create("clinicbot-app");
        Environment = environment;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:SqlitePath"] = Path.Combine(DataFolder, "clinicbot.db"),
        };
    }

    public string DataFolder { get; }

    public string Environment { get; }

    public string DatabasePath => Path.Combine(DataFolder, "clinicbot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataFolder)
        {
            TempFolder.TryDelete(DataFolder);
        }
    }
}

/// <summary>The app with default settings and its own temporary database, for xunit class fixtures.</summary>
public sealed class DefaultClinicBotApp() : ClinicBotAppFactory(dataFolder: null);

public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
