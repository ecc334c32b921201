namespace Hotline.Silo.Grains;

/// <summary>Ties the runtime to the host's lifetime: stopping the host drains and deactivates every grain.</summary>
internal sealed class GrainRuntimeService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => runtime.ShutdownAsync(cancellationToken);
}
