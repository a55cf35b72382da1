using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ClinicBot.Hosting;
using ClinicBot.Storage;
using ClinicBot.Storage.Protection;
using Microsoft.Extensions.Configuration;
using ClinicBot.Testing;

namespace ClinicBot.Tests.Deployment;

/// <summary>
/// The deployment files use the app's own setting names (a misspelt key would be silently ignored by the app), and
/// the container health check's probe reports a ready and an unreachable instance correctly.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("Dockerfile")]
    public void Every_setting_in_the_deployment_files_is_one_the_docs_describe(string file)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine(file));
        var documented = string.Join("\n", new[] { "README.md", "docs/staff.md", "docs/teams.md", "docs/deploy.md" }
            .Select(path => File.ReadAllText(RepositoryRoot.Combine(path.Split('/')))));

        var settings = SettingName().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.NotEmpty(settings);
        foreach (var setting in settings.Where(name => !name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)))
        {
            var key = setting.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(documented.Contains($"`{key}", StringComparison.Ordinal), $"{file} sets {setting}, which no doc names as `{key}`");
        }
    }

    [Fact]
    public void The_compose_settings_are_the_ones_the_app_reads_and_select_postgres_with_its_key_ring_in_the_database()
    {
        var environment = ComposeEnvironment().Matches(File.ReadAllText(RepositoryRoot.Combine("compose.yaml")))
            .ToDictionary(m => m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal), m => (string?)m.Groups["value"].Value.Trim().Trim('"'));
        foreach (var key in new[] { StorageConfiguration.ProviderKey, StorageConfiguration.PostgresConnectionStringKey, KeyStoreConfiguration.KeyStoreKey })
        {
            Assert.True(environment.ContainsKey(key), $"compose.yaml does not set {key}");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
        Assert.Equal(StorageProvider.Postgres, StorageConfiguration.ReadProvider(configuration));
        Assert.Equal(KeyStore.Database, KeyStoreConfiguration.Read(configuration));
        Assert.False(environment.ContainsKey(KeyStoreConfiguration.KeysFolderKey), "the instances share keys through the database, not a folder");
    }

    [Fact]
    public async Task The_health_probe_exits_0_for_a_ready_instance_and_1_for_an_unreachable_one()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answer = AnswerOnceAsync(listener, "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nHealthy");

        Assert.Equal(0, await HealthProbe.RunAsync(["health", $"http://127.0.0.1:{port}/health/ready"]));
        await answer;

        listener.Stop();
        Assert.Equal(1, await HealthProbe.RunAsync(["health", $"http://127.0.0.1:{port}/health/ready"]));
    }

    [Fact]
    public async Task The_health_probe_exits_1_for_a_not_ready_instance()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answer = AnswerOnceAsync(listener, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        Assert.Equal(1, await HealthProbe.RunAsync(["health", $"http://127.0.0.1:{port}/health/ready"]));
        await answer;
    }

    private static async Task AnswerOnceAsync(TcpListener listener, string response)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = string.Empty;
        while (!request.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            request += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        }

        Assert.StartsWith("GET /health/ready ", request);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(response));
    }

    // Environment-variable settings: "Storage__Provider: ..." in compose, "Storage__DataFolder=..." in the Dockerfile.
    // compose's "    Storage__Provider: Postgres" lines (the app instances' environment).
    [GeneratedRegex(@"(?m)^\s+(?<name>[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+):\s*(?<value>.+)$")]
    private static partial Regex ComposeEnvironment();

    [GeneratedRegex(@"(?m)^\s*(?:ENV\s+)?(?<name>[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+|MicrosoftApp[A-Za-z]+|ASPNETCORE_[A-Z_]+)\s*[:=]")]
    private static partial Regex SettingName();
}
