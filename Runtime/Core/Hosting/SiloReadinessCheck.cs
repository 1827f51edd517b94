using Microsoft.Extensions.Diagnostics.HealthChecks;
using Runtime.Storage.Relational;

namespace Runtime.Hosting;

/// <summary>Ready when the silo is running and every database it uses answers.</summary>
public sealed class SiloReadinessCheck(SiloStatus status, DatabaseRegistry databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.State != SiloState.Running)
        {
            return HealthCheckResult.Unhealthy($"Silo is {status.State}.");
        }

        var data = new Dictionary<string, object>();
        var unreachable = new List<string>();
        foreach (var database in databases.Databases)
        {
            var reachable = await database.PingAsync(cancellationToken).ConfigureAwait(false);
            data[database.Description] = reachable ? "reachable" : "unreachable";
            if (!reachable)
            {
                unreachable.Add(database.Description);
            }
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy("Silo running; storage reachable.", data)
            : HealthCheckResult.Unhealthy($"Storage unreachable: {string.Join(", ", unreachable)}.", data: data);
    }
}
