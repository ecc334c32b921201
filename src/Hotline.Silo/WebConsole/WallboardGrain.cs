using Hotline.Contracts.Grains;
using Hotline.Contracts.Wallboard;
using Orleans.Concurrency;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// The cluster's wallboard exchange: each host's latest report, in memory. Reentrant so that the hosts' long polls
/// (<see cref="WaitAsync"/>) wait side by side while reports arrive. The version starts from the activation's clock,
/// so a host that saw an earlier activation's version never takes a new activation's board for unchanged.
/// </summary>
[Reentrant]
internal sealed class WallboardGrain(TimeProvider time, IHostApplicationLifetime lifetime) : Grain, IWallboardGrain
{
    /// <summary>Several missed heartbeats (<see cref="WallboardCluster.Heartbeat"/>): the host stopped or died.</summary>
    public static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Under Orleans' 30 s response timeout, with room for a loaded machine.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Once this host is stopping, a poll waits at most this long: the silo cannot deactivate the grain, and so
    /// cannot finish stopping, while a poll is still waiting in it (it took 7–9 s to stop an idle host).
    /// </summary>
    private static readonly TimeSpan MaxWaitWhileStopping = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, (WallboardHostReport Report, DateTimeOffset At)> _hosts = new(StringComparer.Ordinal);
    private long _version = time.GetUtcNow().UtcTicks;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task PublishAsync(WallboardHostReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var changed = !_hosts.TryGetValue(report.Host, out var known) || !known.Report.SameAs(report);
        _hosts[report.Host] = (report, time.GetUtcNow());
        if (changed)
        {
            Changed();
        }

        DropStale();
        return Task.CompletedTask;
    }

    public async Task<WallboardBoard> WaitAsync(long afterVersion, TimeSpan wait)
    {
        DropStale();
        if (afterVersion == _version)
        {
            var stopping = lifetime.ApplicationStopping;
            var longest = stopping.IsCancellationRequested ? MaxWaitWhileStopping : MaxWait;
            var limit = wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < longest ? wait : longest;
            // A poll already waiting when the host starts stopping returns at once; its caller polls again.
            using var wake = stopping.IsCancellationRequested ? new CancellationTokenSource() : CancellationTokenSource.CreateLinkedTokenSource(stopping);
            await Task.WhenAny(_changed.Task, Task.Delay(limit, time, wake.Token));
            // Releases the timer (and the registration on the host's token) when a change ended the wait.
            await wake.CancelAsync();
            DropStale();
        }

        return new WallboardBoard(_version, [.. _hosts.Values.Select(h => h.Report).OrderBy(r => r.Host, StringComparer.Ordinal)]);
    }

    private void DropStale()
    {
        var now = time.GetUtcNow();
        var stale = _hosts.Where(h => now - h.Value.At > HostTimeout).Select(h => h.Key).ToList();
        foreach (var host in stale)
        {
            _hosts.Remove(host);
        }

        if (stale.Count > 0)
        {
            Changed();
        }
    }

    private void Changed()
    {
        _version++;
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
