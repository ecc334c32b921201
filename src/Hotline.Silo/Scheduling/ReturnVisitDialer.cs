using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Places the return-visit calls the sweep found due in the background (queued for an agent, or the edge's
/// automated survey) and reports each outcome to its ticket. A call cut off by shutdown or a crash stays counted as an attempt: the ticket's next attempt
/// comes after the retry interval.
/// </summary>
internal sealed class ReturnVisitDialer(IReturnVisitLine line, IGrainFactory grains, ILogger<ReturnVisitDialer> logger) : IAsyncDisposable
{
    private readonly BackgroundCalls _calls = new(maxConcurrent: 8);

    public void Start(ReturnVisitCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _calls.Start(stopping => PlaceAsync(call, stopping));
    }

    public ValueTask DisposeAsync() => _calls.DisposeAsync();

    private async Task PlaceAsync(ReturnVisitCall call, CancellationToken stopping)
    {
        try
        {
            var ticket = grains.GetGrain<ITicketGrain>(call.TicketId);
            if (call.Automated)
            {
                var (answer, detail) = await line.SurveyAsync(call.Number, stopping).ConfigureAwait(false);
                SchedulingLog.ReturnVisitCalled(logger, call.TicketId, call.Attempt, answer is not null, detail);
                await ticket.RecordReturnVisitSurveyAsync(call.Attempt, answer, detail).ConfigureAwait(false);
                return;
            }

            var outcome = await line.CallAsync(call.Number, call.QueueId, stopping).ConfigureAwait(false);
            SchedulingLog.ReturnVisitCalled(logger, call.TicketId, call.Attempt, outcome.Reached, outcome.Detail);
            await ticket.RecordReturnVisitAttemptAsync(call.Attempt, outcome.Reached, outcome.Detail).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SchedulingLog.ReturnVisitFailed(logger, call.TicketId, call.Attempt, exception);
        }
    }
}
