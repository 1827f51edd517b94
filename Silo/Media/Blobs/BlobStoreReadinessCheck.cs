using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Ready when the blob store answers: a metadata lookup of a key that never exists must come back "not
/// there" rather than fail. Uploads need the store, so a frontend whose bucket is unreachable is not ready.
/// </summary>
public sealed class BlobStoreReadinessCheck(IBlobStore store) : IHealthCheck
{
    private const string ProbeKey = "health/readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        try
        {
            await store.GetPropertiesAsync(ProbeKey, cancellationToken).ConfigureAwait(false);
            data[store.Name] = "reachable";
            return HealthCheckResult.Healthy("Media blob store reachable.", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            data[store.Name] = "unreachable";
            return HealthCheckResult.Unhealthy($"Media blob store ({store.Name}) unreachable: {exception.GetType().Name}.", data: data);
        }
    }
}
