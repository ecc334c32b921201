namespace Hotline.Silo.Tests.Grains;

/// <summary>What the test grains report about their lifecycle; shared through DI.</summary>
internal sealed class GrainProbe
{
    private readonly object _gate = new();
    private int _activations;
    private int _live;
    private int _maxLive;

    public int Activations => Volatile.Read(ref _activations);

    public int Deactivations { get; private set; }

    public int MaxLive => Volatile.Read(ref _maxLive);

    public int FailNextActivations { get; set; }

    public Task DeactivationGate { get; set; } = Task.CompletedTask;

    public int CallsRun;

    public int BeginActivation()
    {
        lock (_gate)
        {
            if (FailNextActivations > 0)
            {
                FailNextActivations--;
                throw new InvalidOperationException("activation failed on purpose");
            }

            _live++;
            _maxLive = Math.Max(_maxLive, _live);
            return ++_activations;
        }
    }

    public void EndActivation()
    {
        lock (_gate)
        {
            _live--;
            Deactivations++;
        }
    }
}
