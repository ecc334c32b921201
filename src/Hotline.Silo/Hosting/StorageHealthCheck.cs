using Hotline.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Silo.Hosting;

/// <summary>/healthz: healthy when a cheap query against the organisation store succeeds.</summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = services.GetService<IOrganisationStore>();
        if (store is null)
        {
            return HealthCheckResult.Unhealthy("No storage is composed into this host.");
        }

        try
        {
            await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Storage reachable.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage unreachable.", exception);
        }
    }
}
