using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;

namespace ClinicBot.Channels.Teams;

/// <summary>
/// Ignores Teams activities from tenants that are not on the configured allow-list (Teams:AllowedTenants).
/// It runs before the bot, so an ignored activity gets no reply and nothing is stored. An empty list
/// allows every tenant.
/// </summary>
public sealed class TeamsTenantFilter : Microsoft.Bot.Builder.IMiddleware
{
    public const string AllowedTenantsKey = "Teams:AllowedTenants";

    private readonly HashSet<string> _allowedTenants;
    private readonly ILogger<TeamsTenantFilter> _logger;

    public TeamsTenantFilter(IConfiguration configuration, ILogger<TeamsTenantFilter> logger)
    {
        _allowedTenants = ReadTenants(configuration);
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (_allowedTenants.Count > 0 && turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams)
        {
            // Tenant ids are GUIDs: compared trimmed and ignoring case (the set's comparer), as configured.
            var tenantId = (ChannelPayload.ReadOrDefault(turnContext.Activity.GetChannelData<TeamsChannelData>)?.Tenant?.Id
                ?? turnContext.Activity.Conversation?.TenantId)?.Trim();
            if (tenantId is null || !_allowedTenants.Contains(tenantId))
            {
                _logger.LogWarning("Ignored a Teams {ActivityType} activity from a tenant that is not allowed.", turnContext.Activity.Type);
                return;
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepts a list (Teams:AllowedTenants:0, :1, ...) or one comma-separated string.</summary>
    private static HashSet<string> ReadTenants(IConfiguration configuration)
    {
        var section = configuration.GetSection(AllowedTenantsKey);
        var values = section.GetChildren().Select(child => child.Value).Append(section.Value);
        return values
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .SelectMany(value => value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
