namespace ClinicBot.Hosting;

/// <summary>
/// `ClinicBot health [url]`: asks a running instance's /health/ready and exits 0 when it answers 200, else 1.
/// For container health checks, whose runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public const string Command = "health";

    public static bool IsHealthCommand(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.WriteLine($"{url}: {error.GetType().Name}");
            return 1;
        }
    }

    /// <summary>The first port of ASPNETCORE_HTTP_PORTS (the container images set 8080), on loopback.</summary>
    private static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return $"http://127.0.0.1:{port}/health/ready";
    }
}
