namespace Hotline.Silo.Grains;

/// <summary>One call waiting for, or running as, a turn of an activation.</summary>
internal abstract class GrainCall
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Dropped = 2;

    private int _state;

    protected GrainCall(GrainId target) => Target = target;

    public GrainId Target { get; }

    /// <summary>The task the caller awaits; it completes with the grain method's result or exception.</summary>
    public abstract Task Completion { get; }

    /// <summary>Claims the call for a turn; false when its caller gave up while it was queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the grain method and completes <see cref="Completion"/>; never throws.</summary>
    public abstract Task RunAsync(object grain);

    public abstract void Fail(Exception exception);

    /// <summary>Drops a call that has not started; one that has started runs to its end (a turn is never cut short).</summary>
    protected bool TryDrop() => Interlocked.CompareExchange(ref _state, Dropped, Queued) == Queued;
}
