using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// One pass over the stored callback requests that are due: outside quiet hours, each gets its next attempt
/// written (the claim, with the time of the one after) and is handed to the <see cref="CallbackDialer"/>.
/// A request whose last attempt never reported (the host died during the call) is given up here. Requests
/// due while every host was down are due at the first pass after start, and claimed once. Agent-first
/// (Callbacks:Mode), the next free agent of the request's queue is held before the claim, so the citizen
/// who answers finds an agent; a request whose queue has none free stays due, unclaimed.
/// </summary>
internal sealed class CallbackSweep(
    ICallbackSchedule schedule,
    CallbackPlan plan,
    CallbackDialer dialer,
    IOutboundCalls calls,
    [FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time,
    ILogger<CallbackSweep> logger)
{
    /// <summary>Requests taken per pass; more wait for the next pass (the dialer places a few at a time anyway).</summary>
    public const int MaxPerPass = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!plan.MayCall(now))
        {
            return 0;
        }

        var placed = 0;
        var exhausted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in await schedule.ReadDueAsync(now, plan.QueuedBefore(now), MaxPerPass, cancellationToken).ConfigureAwait(false))
        {
            var callId = pending.Request.CallId;
            if (plan.IsLast(pending.Attempts))
            {
                await schedule.EndAttemptAsync(callId, pending.Attempts, now, "no report (the host stopped during the call)", CallbackPlan.GivenUp(pending.Attempts), cancellationToken).ConfigureAwait(false);
                continue;
            }

            string? reservation = null;
            if (plan.AgentFirst)
            {
                var queueId = pending.Request.QueueId;
                if (exhausted.Contains(queueId))
                {
                    continue;
                }

                reservation = await calls.ReserveAgentAsync(queueId, cancellationToken).ConfigureAwait(false);
                if (reservation is null)
                {
                    exhausted.Add(queueId);
                    continue;
                }
            }

            var attempt = pending.Attempts + 1;
            if (await schedule.BeginAttemptAsync(callId, attempt, now, plan.NextAttemptAt(attempt, now), cancellationToken).ConfigureAwait(false))
            {
                dialer.Start(new CallbackCall(pending.Request, attempt, reservation));
                placed++;
            }
            else if (reservation is not null)
            {
                // Another host claimed it first: its own agent takes it.
                await calls.ReleaseAgentAsync(reservation, "callback claimed elsewhere", CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (placed > 0)
        {
            SchedulingLog.CallbacksSwept(logger, placed);
        }

        return placed;
    }
}
