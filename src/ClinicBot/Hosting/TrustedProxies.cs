using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClinicBot.Hosting;

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto are honoured only from the proxies an operator lists in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), at most
/// <c>ForwardedHeaders:ForwardLimit</c> hops (default 1). The client address those headers yield is what the rate
/// limits and the daily booking cap count by, so a header any visitor could send must not be believed.
/// </summary>
/// <remarks>
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes ASP.NET Core trust every sender (it clears the known lists,
/// and empty lists mean "any proxy"). This runs after that (PostConfigure, registered later) and replaces the
/// lists with the configured ones; with none configured it turns header processing off, so the variable alone
/// no longer lets a visitor choose their own address. Without the variable, the middleware is added here when
/// proxies are configured (ASP.NET Core's default loopback trust is dropped in favour of the configured list).
/// </remarks>
public static class TrustedProxies
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>The ASP.NET Core host setting (ASPNETCORE_FORWARDEDHEADERS_ENABLED) that adds the middleware on its own.</summary>
    private const string HostEnabledKey = "FORWARDEDHEADERS_ENABLED";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        // Read when the options are first used, from the app's final configuration.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            var (proxies, networks, forwardLimit) = Read(configuration);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>
    /// Checks the settings (a malformed one stops the app here, at start) and adds the forwarded-headers middleware
    /// when proxies are configured and the host has not added it already.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var (proxies, networks, _) = Read(app.Configuration);
        if (proxies.Count + networks.Count > 0 && !app.Configuration.GetValue<bool>(HostEnabledKey))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks, int ForwardLimit) Read(IConfiguration configuration)
    {
        var forwardLimit = configuration.GetValue<int?>($"{SectionName}:ForwardLimit") ?? 1;
        if (forwardLimit < 1)
        {
            throw new InvalidOperationException($"{SectionName}:ForwardLimit must be 1 or more.");
        }

        return (ReadAddresses(configuration, "KnownProxies"), ReadNetworks(configuration), forwardLimit);
    }

    private static List<IPAddress> ReadAddresses(IConfiguration configuration, string key) =>
        ReadList(configuration, key).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{SectionName}:{key} has '{value}', which is not an IP address.")).ToList();

    private static List<System.Net.IPNetwork> ReadNetworks(IConfiguration configuration) =>
        ReadList(configuration, "KnownNetworks").Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{SectionName}:KnownNetworks has '{value}', which is not a CIDR range such as 10.0.0.0/8.")).ToList();

    /// <summary>A list (key:0, key:1, ...) or one comma-separated string.</summary>
    private static IEnumerable<string> ReadList(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{SectionName}:{key}");
        return section.GetChildren().Select(child => child.Value).Append(section.Value)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .SelectMany(value => value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
