using Hotline.Silo.Storage.Sql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Silo.Hosting;

/// <summary>
/// /healthz and grpc.health.v1: healthy when the store commits a small write (a read passes on a full
/// disk or a read-only file). Answers within <see cref="Budget"/> even when the database hangs (a frozen
/// server): a probe still running then is reported unhealthy and reused by the next check, so hung probes
/// never pile up.
/// </summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    internal static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1500);

    private readonly Lock _gate = new();
    private Task? _probe;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = services.GetService<StorageProbe>();
        if (probe is null)
        {
            return HealthCheckResult.Unhealthy("No storage is composed into this host.");
        }

        Task running;
        lock (_gate)
        {
            if (_probe is null || _probe.IsCompleted)
            {
                // Not the caller's token: a probe outlives an impatient caller and is reused.
                _probe = Task.Run(() => probe.WriteAsync(CancellationToken.None), CancellationToken.None);
            }

            running = _probe;
        }

        try
        {
            await running.WaitAsync(Budget, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Storage takes writes.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Storage did not answer a write within {Budget.TotalSeconds} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage cannot take writes.", exception);
        }
    }
}
