namespace Hotline.Silo.Grains;

/// <summary>Creating, collecting and retiring an activation.</summary>
internal sealed partial class GrainActivation
{
    /// <summary>The first turn: construct the grain and run its activation hook; on failure fail the call and discard this activation.</summary>
    private async Task<bool> TryActivateAsync(GrainCall firstCall)
    {
        object? instance = null;
        try
        {
            instance = ActivatorUtilities.CreateInstance(_runtime.Services, _implementation, new GrainContext(this));
            if (instance is IActivationHooks hooks)
            {
                await hooks.OnActivateAsync(CancellationToken.None).ConfigureAwait(false);
            }

            _instance = instance;
            _runtime.OnActivated(this);
            return true;
        }
        catch (Exception exception)
        {
            GrainLog.ActivationFailed(_runtime.Logger, Id, exception);
            firstCall.Fail(exception);
            await DisposeAsync(instance).ConfigureAwait(false);
            lock (_gate)
            {
                _state = ActivationState.Retiring;
            }

            await RetireAsync().ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Must be called under the gate when the activation goes idle.</summary>
    private void ArmIdleTimerLocked()
    {
        var timeout = _runtime.IdleTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _idleSince = _runtime.Time.GetTimestamp();
        if (_idleTimer is null)
        {
            _idleTimer = _runtime.Time.CreateTimer(static s => ((GrainActivation)s!).OnIdleTimer(), this, timeout, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _idleTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnIdleTimer()
    {
        lock (_gate)
        {
            if (_state != ActivationState.Valid || _busy)
            {
                return;
            }

            // A timer armed before a later burst of calls may fire early; wait out the rest of the idle time.
            var idle = _runtime.Time.GetElapsedTime(_idleSince);
            if (idle < _runtime.IdleTimeout)
            {
                _idleTimer!.Change(_runtime.IdleTimeout - idle, Timeout.InfiniteTimeSpan);
                return;
            }

            _state = ActivationState.Retiring;
            _busy = true;
        }

        _ = RetireAsync();
    }

    /// <summary>
    /// Runs with the activation marked retiring (no new calls get in): the deactivation hook, removal from the
    /// directory, then any calls still queued are sent on to a fresh activation, then waiters are released.
    /// </summary>
    private async Task RetireAsync()
    {
        _idleTimer?.Dispose();
        if (_instance is { } instance)
        {
            try
            {
                if (instance is IActivationHooks hooks)
                {
                    await hooks.OnDeactivateAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                GrainLog.DeactivationFailed(_runtime.Logger, Id, exception);
            }

            await DisposeAsync(instance).ConfigureAwait(false);
            _runtime.OnDeactivated(this);
        }

        GrainCall[] leftovers;
        lock (_gate)
        {
            _state = ActivationState.Dead;
            leftovers = [.. _queue];
            _queue.Clear();
        }

        _runtime.Remove(this);
        foreach (var call in leftovers)
        {
            _runtime.Route(call);
        }

        _deactivated.TrySetResult();
    }

    private static async ValueTask DisposeAsync(object? instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
