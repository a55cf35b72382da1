using ClinicBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinicBot.Health;

public static class HealthTags
{
    public const string Ready = "ready";
}

/// <summary>Readiness: the configured database (SQLite file or PostgreSQL server) answers, within a short timeout.</summary>
public sealed class StorageHealthCheck(ClinicDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Storage ({database.Provider}) reachable.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"Storage ({database.Provider}) unreachable: " + exception.GetType().Name);
        }
    }
}
