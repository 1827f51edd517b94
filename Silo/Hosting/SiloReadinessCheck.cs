using Instagram.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Instagram.Silo.Hosting;

/// <summary>Ready when this silo is an active member of its cluster and its database answers.</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle membership, RelationalDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Silo is {status}.");
        }

        var reachable = await database.PingAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { [database.Description] = reachable ? "reachable" : "unreachable" };
        return reachable
            ? HealthCheckResult.Healthy("Silo active; storage reachable.", data)
            : HealthCheckResult.Unhealthy($"Storage unreachable: {database.Description}.", data: data);
    }
}
