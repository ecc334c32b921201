using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// One pass over the stored callback requests that are due: outside quiet hours, each gets its next attempt
/// written (the claim, with the time of the one after) and is handed to the <see cref="CallbackDialer"/>.
/// A request whose last attempt never reported (the host died during the call) is given up here. Requests
/// due while every host was down are due at the first pass after start, and claimed once.
/// </summary>
internal sealed class CallbackSweep(
    ICallbackSchedule schedule,
    CallbackPlan plan,
    CallbackDialer dialer,
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
        foreach (var pending in await schedule.ReadDueAsync(now, plan.QueuedBefore(now), MaxPerPass, cancellationToken).ConfigureAwait(false))
        {
            var callId = pending.Request.CallId;
            if (plan.IsLast(pending.Attempts))
            {
                await schedule.EndAttemptAsync(callId, pending.Attempts, now, "no report (the host stopped during the call)", CallbackPlan.GivenUp(pending.Attempts), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var attempt = pending.Attempts + 1;
            if (await schedule.BeginAttemptAsync(callId, attempt, now, plan.NextAttemptAt(attempt, now), cancellationToken).ConfigureAwait(false))
            {
                dialer.Start(new CallbackCall(pending.Request, attempt));
                placed++;
            }
        }

        if (placed > 0)
        {
            SchedulingLog.CallbacksSwept(logger, placed);
        }

        return placed;
    }
}
