namespace Hotline.Silo.Tests.Hosting;

/// <summary>Shared between the test and the probe grains: the gate their held turns wait on, and deactivations seen.</summary>
internal sealed class ShutdownProbe
{
    private int _deactivations;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Deactivations => Volatile.Read(ref _deactivations);

    public void Deactivated() => Interlocked.Increment(ref _deactivations);
}
