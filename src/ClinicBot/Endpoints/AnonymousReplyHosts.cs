using System.Net;

namespace ClinicBot.Endpoints;

/// <summary>
/// Where the bot may send replies when /api/messages runs without channel authentication (anonymous mode: an empty
/// MicrosoftAppId). Without a channel token nothing vouches for an activity's serviceUrl, and the bot POSTs its
/// replies there, so only hosts on <c>Bot:AnonymousReplyHosts</c> are served: host names or IP addresses (any port),
/// or "loopback" for localhost and every loopback address. Default: "loopback" in Development, none elsewhere.
/// With a MicrosoftAppId the signed token names the serviceUrl and this list is not used.
/// </summary>
public sealed class AnonymousReplyHosts
{
    public const string Key = "Bot:AnonymousReplyHosts";
    public const string Loopback = "loopback";

    private readonly HashSet<string> _hosts;

    public AnonymousReplyHosts(IConfiguration configuration, IHostEnvironment environment)
    {
        IsAnonymous = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        var section = configuration.GetSection(Key);
        var configured = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .Where(value => value is not null)
            .SelectMany(value => value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var hosts = section.Exists() ? configured : environment.IsDevelopment() ? [Loopback] : [];
        _hosts = hosts.Select(host => host.Trim('[', ']')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when /api/messages takes activities without a channel token.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The configured entries, for the start-up warning.</summary>
    public IReadOnlyCollection<string> Hosts => _hosts;

    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (_hosts.Contains(host))
        {
            return true;
        }

        return _hosts.Contains(Loopback) && IsLoopback(host);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
