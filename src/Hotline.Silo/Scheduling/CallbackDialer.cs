using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Places claimed callback attempts through the edge (trunk → citizen; answered, the call queues at priority
/// for the next free agent of the request's queue, or rings the agent held for it agent-first) and writes how each ended on the request: reached and
/// unplaceable requests are completed, the last unanswered attempt gives the request up.
/// </summary>
internal sealed class CallbackDialer(
    IOutboundCalls calls,
    ICallbackSchedule schedule,
    CallbackPlan plan,
    [FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time,
    ILogger<CallbackDialer> logger) : IAsyncDisposable
{
    private readonly BackgroundCalls _calls = new(maxConcurrent: 8);

    public void Start(CallbackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _calls.Start(stopping => PlaceAsync(call, stopping));
    }

    public ValueTask DisposeAsync() => _calls.DisposeAsync();

    private async Task PlaceAsync(CallbackCall call, CancellationToken stopping)
    {
        var request = call.Request;
        try
        {
            var placed = call.Reservation is { } held
                ? await calls.PlaceReservedCallAsync(request.Number, request.QueueId, held, stopping).ConfigureAwait(false)
                : await calls.PlaceCallAsync(request.Number, request.QueueId, stopping).ConfigureAwait(false);
            var detail = placed.Detail ?? placed.Refusal?.ToString() ?? "";
            var (result, outcome) = placed switch
            {
                { IsDone: true } => ("reached: call " + detail, "reached: call " + detail),
                // A number or queue the edge refuses never becomes placeable by waiting.
                { Refusal: CallCenterRefusal.InvalidArgument } => ("refused: " + detail, "not placed: " + detail),
                _ => ("not reached: " + detail, plan.IsLast(call.Attempt) ? CallbackPlan.GivenUp(call.Attempt) : null),
            };
            SchedulingLog.CallbackCalled(logger, request.CallId, call.Attempt, result);
            await schedule.EndAttemptAsync(request.CallId, call.Attempt, time.GetUtcNow(), result, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SchedulingLog.CallbackFailed(logger, request.CallId, call.Attempt, exception);
        }
    }
}
