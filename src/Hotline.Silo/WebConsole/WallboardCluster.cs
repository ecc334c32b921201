using Hotline.Contracts.Grains;
using Hotline.Contracts.Wallboard;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// This host's side of the cluster's wallboard (<see cref="IWallboardGrain"/>): publishes the local call center's agents
/// and queues at every change it reports (at most once per <see cref="MinReportInterval"/>) and every
/// <see cref="Heartbeat"/>, and keeps the latest board of every host (one long poll per host), waking this host's
/// wallboard streams when it moves. With one host the same path runs through a local grain. Each report carries a
/// reference to this host's <see cref="HostAgentControl"/>, so a command for an agent registered here can come from any
/// host (<see cref="ClusterAgentCommands"/>).
/// </summary>
internal sealed class WallboardCluster(
    IGrainFactory grains, IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<WallboardCluster> logger) : BackgroundService
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest time between two reports. Every call moves agents and queues several times, and a report reads every
    /// agent on the call center's loop and copies them through the grain: under load, reports ran back to back. Changes
    /// within this time go out together in the next report, still far quicker than a person reads a wallboard.
    /// </summary>
    public static readonly TimeSpan MinReportInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private WallboardBoard _board = WallboardBoard.Empty;
    private HostAgentControl? _control;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest board heard (empty until the first exchange).</summary>
    public WallboardBoard Board => Volatile.Read(ref _board);

    /// <summary>This host's name on the board: its silo address.</summary>
    public string Host => services.GetService<ILocalSiloDetails>()?.SiloAddress.ToString() ?? Environment.MachineName;

    /// <summary>Completes when the board next changes.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls need the silo: start once the host is up.
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Started.
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var hub = grains.GetGrain<IWallboardGrain>("cluster");
        await Task.WhenAll(PublishAsync(hub, stoppingToken), WatchAsync(hub, stoppingToken)).ConfigureAwait(false);
    }

    private async Task PublishAsync(IWallboardGrain hub, CancellationToken stoppingToken)
    {
        var center = services.GetService<ICallCenter>();
        if (center is null)
        {
            return;
        }

        var host = Host;

        // Orleans holds an observer weakly: the field keeps it alive for as long as this host publishes it.
        _control = new HostAgentControl(center);
        var control = grains.CreateObjectReference<IHostAgentControl>(_control);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Take the change task before reading, so a change during the publish is not missed.
            var changed = center.WaitForChangeAsync(stoppingToken);
            var publishedAt = time.GetTimestamp();
            try
            {
                await hub.PublishAsync(Report(center, host, control)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                WallboardLog.ExchangeFailed(logger, exception);
            }

            await Task.WhenAny(changed, Task.Delay(Heartbeat, time, stoppingToken)).ConfigureAwait(false);
            var rest = MinReportInterval - time.GetElapsedTime(publishedAt);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task WatchAsync(IWallboardGrain hub, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var board = await hub.WaitAsync(Board.Version, PollWait).WaitAsync(stoppingToken).ConfigureAwait(false);
                if (board.Version != Board.Version)
                {
                    Volatile.Write(ref _board, board);
                    Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                WallboardLog.ExchangeFailed(logger, exception);
                try
                {
                    await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static WallboardHostReport Report(ICallCenter center, string host, IHostAgentControl control) => new(
        host,
        [.. center.ListAgents().OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => new WallboardAgent(a.AgentId, a.State, ConsoleLabels.AgentReason(a.Reason), a.Since, host))],
        [.. center.ListQueues().OrderBy(q => q.QueueId, StringComparer.Ordinal).Select(q => new WallboardQueue(q.QueueId, q.Waiting, q.LongestWait, q.ReadyAgents, q.BusyAgents))],
        control);
}
