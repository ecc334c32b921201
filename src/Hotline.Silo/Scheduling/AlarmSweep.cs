using Hotline.Contracts.Grains;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// One pass over the tickets whose next deadline alarm is due: each ticket grain is asked to issue what is
/// due (the grain owns the rules and the commit; this only finds and calls). A failed ticket is left for
/// the next pass: its due column has not moved, so nothing is dropped. Return-visit calls a ticket decided
/// on go to the <see cref="ReturnVisitDialer"/>.
/// </summary>
internal sealed class AlarmSweep(
    IAlarmIndex index,
    IGrainFactory grains,
    [FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IOptions<ScheduleOptions> options,
    ReturnVisitDialer dialer,
    ILogger<AlarmSweep> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.SweepParallelism), CancellationToken = cancellationToken };
        var batchSize = Math.Max(1, settings.SweepBatch);
        int tickets = 0, alarms = 0, failed = 0;
        DueAlarm? after = null;
        while (true)
        {
            var batch = await index.ReadDueAsync(now, after, batchSize, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(batch, parallel, async (due, _) =>
            {
                try
                {
                    var work = await grains.GetGrain<ITicketGrain>(due.TicketId).FireDueAlarmsAsync().ConfigureAwait(false);
                    Interlocked.Add(ref alarms, work.Issued);
                    if (work.Call is { } call)
                    {
                        dialer.Start(call);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    SchedulingLog.AlarmFailed(logger, due.TicketId, exception);
                }
            }).ConfigureAwait(false);
            tickets += batch.Count;
            if (batch.Count < batchSize)
            {
                break;
            }

            after = batch[^1];
        }

        if (tickets > 0)
        {
            SchedulingLog.Swept(logger, tickets, alarms, failed);
        }

        return new SweepResult(tickets, alarms, failed);
    }
}
