using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Grains;

/// <summary>
/// The activation directory of this process: at most one live activation per grain id, created on the
/// first call and collected when idle. Turns are not reentrant: a grain that awaits a call to itself
/// (directly or through another grain) waits behind its own turn forever. Calls to other grains are fine.
/// A caller's cancellation token drops its call only while the call is still queued; a running turn always
/// finishes, so state and reply stay consistent.
/// </summary>
internal sealed class GrainRuntime
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly Dictionary<Type, Type> _implementations;
    private readonly UpDownCounter<long> _activeCount;
    private readonly Counter<long> _callCount;
    private volatile bool _stopped;

    public GrainRuntime(
        IServiceProvider services,
        IEnumerable<GrainRegistration> registrations,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider time,
        IMeterFactory meters,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Time = time;
        Logger = logger;
        IdleTimeout = options.Value.IdleTimeout;
        if (IdleTimeout <= TimeSpan.Zero && IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), IdleTimeout, "Grains:IdleTimeout must be positive.");
        }

        _implementations = registrations.ToDictionary(r => r.Interface, r => r.Implementation);
        var meter = meters.Create("Hotline.Grains");
        _activeCount = meter.CreateUpDownCounter<long>("hotline.grain.activations", description: "Live grain activations.");
        _callCount = meter.CreateCounter<long>("hotline.grain.calls", description: "Grain calls dispatched.");
    }

    public IServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public TimeSpan IdleTimeout { get; }

    /// <summary>Live activations (for tests and diagnostics).</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>True when the grain has a live activation between turns.</summary>
    public bool IsIdle(GrainId id) => _activations.TryGetValue(id, out var activation) && activation.IsIdle;

    public void EnsureRegistered(Type grainInterface)
    {
        if (!_implementations.ContainsKey(grainInterface))
        {
            throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}; call AddGrain<{grainInterface.Name}, …>().");
        }
    }

    /// <summary>Sends a new call to its grain.</summary>
    public void Dispatch(GrainCall call)
    {
        _callCount.Add(1);
        Route(call);
    }

    /// <summary>Routes a call to its activation, creating one when none is live; waits out a retiring one.</summary>
    internal void Route(GrainCall call)
    {
        while (true)
        {
            if (_stopped)
            {
                call.Fail(new InvalidOperationException("The grain runtime has shut down."));
                return;
            }

            var activation = _activations.GetOrAdd(
                call.Target, static (id, runtime) => new GrainActivation(id, runtime._implementations[id.Interface], runtime), this);
            if (activation.TryEnqueue(call))
            {
                return;
            }

            if (!activation.Deactivated.IsCompleted)
            {
                activation.Deactivated.ContinueWith(
                    static (_, state) =>
                    {
                        var (runtime, waiting) = ((GrainRuntime, GrainCall))state!;
                        runtime.Route(waiting);
                    },
                    (this, call),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return;
            }
        }
    }

    /// <summary>
    /// Drains and deactivates every activation. Grains may still call each other while draining (new
    /// activations are drained in the next round); once none is left, further calls fail.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!_activations.IsEmpty)
        {
            var round = _activations.Values.Select(a => a.DrainAndDeactivate()).ToArray();
            total += round.Length;
            await Task.WhenAll(round).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _stopped = true;
        GrainLog.Stopped(Logger, total);
    }

    internal void OnActivated(GrainActivation activation)
    {
        _activeCount.Add(1);
        GrainLog.Activated(Logger, activation.Id);
    }

    internal void OnDeactivated(GrainActivation activation)
    {
        _activeCount.Add(-1);
        GrainLog.Deactivated(Logger, activation.Id);
    }

    internal void Remove(GrainActivation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
}
