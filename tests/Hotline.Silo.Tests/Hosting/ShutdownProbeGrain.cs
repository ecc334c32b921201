namespace Hotline.Silo.Tests.Hosting;

internal sealed class ShutdownProbeGrain(ShutdownProbe probe) : Grain, IShutdownProbeGrain
{
    private int _count;

    public async Task HoldAsync()
    {
        probe.Holding.TrySetResult();
        await probe.Gate.Task;
    }

    public Task<int> IncrementAsync() => Task.FromResult(++_count);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivated();
        return Task.CompletedTask;
    }
}
