using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Places the return-visit calls the sweep found due, a few at a time, in the background so a ringing phone
/// never holds up the next sweep, and reports each outcome to its ticket. A call cut off by shutdown or a
/// crash stays counted as an attempt: the ticket's next attempt comes after the retry interval.
/// </summary>
internal sealed class ReturnVisitDialer(IReturnVisitLine line, IGrainFactory grains, ILogger<ReturnVisitDialer> logger) : IAsyncDisposable
{
    private const int MaxConcurrentCalls = 8;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentCalls);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];

    public void Start(ReturnVisitCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var task = Task.Run(() => PlaceAsync(call));
        lock (_running)
        {
            _running.Add(task);
        }

        task.ContinueWith(t => { lock (_running) { _running.Remove(t); } }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task PlaceAsync(ReturnVisitCall call)
    {
        try
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                var outcome = await line.CallAsync(call.Number, call.QueueId, _stopping.Token).ConfigureAwait(false);
                SchedulingLog.ReturnVisitCalled(logger, call.TicketId, call.Attempt, outcome.Reached, outcome.Detail);
                await grains.GetGrain<ITicketGrain>(call.TicketId).RecordReturnVisitAttemptAsync(call.Attempt, outcome.Reached, outcome.Detail).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the attempt stays counted and the next one follows after the retry interval.
        }
        catch (Exception exception)
        {
            SchedulingLog.ReturnVisitFailed(logger, call.TicketId, call.Attempt, exception);
        }
    }
}
