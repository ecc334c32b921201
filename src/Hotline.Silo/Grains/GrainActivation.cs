namespace Hotline.Silo.Grains;

/// <summary>
/// One live instance of a grain and its mailbox. Calls run one at a time in arrival order (a turn each,
/// no interleaving at awaits); the first turn creates the instance and runs <see cref="IActivationHooks.OnActivateAsync"/>.
/// All state changes happen under <see cref="_gate"/>, which is what makes collection safe against racing calls:
/// either a call is enqueued while the activation is valid (and collection then sees it busy), or the
/// activation was already retiring and the call waits for <see cref="Deactivated"/> and goes to a fresh one.
/// </summary>
internal sealed partial class GrainActivation
{
    private readonly object _gate = new();
    private readonly Queue<GrainCall> _queue = new();
    private readonly GrainRuntime _runtime;
    private readonly Type _implementation;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationState _state = ActivationState.Valid;
    private bool _busy;
    private bool _deactivateAfterTurn;
    private bool _deactivateWhenDrained;
    private object? _instance;
    private ITimer? _idleTimer;
    private long _idleSince;

    public GrainActivation(GrainId id, Type implementation, GrainRuntime runtime)
    {
        Id = id;
        _implementation = implementation;
        _runtime = runtime;
    }

    private enum ActivationState
    {
        Valid,
        Retiring,
        Dead,
    }

    public GrainId Id { get; }

    /// <summary>Completes once the activation is gone from the directory; calls refused by it retry then.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>True when valid and between turns (tests wait for it before moving a fake clock).</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _state == ActivationState.Valid && !_busy;
            }
        }
    }

    /// <summary>Queues a call; false when the activation is retiring (the caller must wait for <see cref="Deactivated"/>).</summary>
    public bool TryEnqueue(GrainCall call)
    {
        lock (_gate)
        {
            if (_state != ActivationState.Valid)
            {
                return false;
            }

            _queue.Enqueue(call);
            if (_busy)
            {
                return true;
            }

            _busy = true;
        }

        // A pool thread runs the turns, not the caller's stack: one grain calling another must not nest turns.
        ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.PumpAsync(), this, preferLocal: false);
        return true;
    }

    /// <summary>Retire after the current turn (or now, when idle); queued calls move to a new activation.</summary>
    public void DeactivateOnIdle()
    {
        lock (_gate)
        {
            _deactivateAfterTurn = true;
            if (!TryBeginRetireLocked())
            {
                return;
            }
        }

        _ = RetireAsync();
    }

    /// <summary>Shutdown: finish every queued call, then retire.</summary>
    public Task DrainAndDeactivate()
    {
        lock (_gate)
        {
            _deactivateWhenDrained = true;
            if (!TryBeginRetireLocked())
            {
                return Deactivated;
            }
        }

        _ = RetireAsync();
        return Deactivated;
    }

    private bool TryBeginRetireLocked()
    {
        if (_state != ActivationState.Valid || _busy)
        {
            return false;
        }

        _state = ActivationState.Retiring;
        _busy = true;
        return true;
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            GrainCall? call;
            lock (_gate)
            {
                if (_deactivateAfterTurn || (_deactivateWhenDrained && _queue.Count == 0))
                {
                    _state = ActivationState.Retiring;
                    break;
                }

                if (!_queue.TryDequeue(out call))
                {
                    _busy = false;
                    ArmIdleTimerLocked();
                    return;
                }
            }

            if (!call.TryStart())
            {
                continue;
            }

            if (_instance is null && !await TryActivateAsync(call).ConfigureAwait(false))
            {
                return;
            }

            await call.RunAsync(_instance!).ConfigureAwait(false);
        }

        await RetireAsync().ConfigureAwait(false);
    }
}
