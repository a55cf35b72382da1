using ClinicBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicBot.Health;

public static class HealthTags
{
    public const string Ready = "ready";
}

/// <summary>Readiness: the bot state store answers.</summary>
public sealed class StorageHealthCheck(SqliteStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Storage reachable.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Storage unreachable: " + exception.GetType().Name);
        }
    }
}
