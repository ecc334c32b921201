using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Load.Scheduling;

/// <summary>
/// Writes open (dispatched, EMERGENCY) tickets straight into the store, each with its next-alarm column as a
/// ticket grain would write it: the background ones due in days, the crossing ones at a chosen instant (half a
/// 催办 warning, half an overdue mark whose warning was already issued).
/// </summary>
internal sealed class SchedulerTicketSeeder(ITicketStore store, TicketAlarms alarms)
{
    private static readonly TimeSpan SignLimit = TimeSpan.FromMinutes(15);

    public async Task SeedAsync(IEnumerable<(string Id, DateTimeOffset? AlarmAt, bool Overdue)> tickets, DateTimeOffset now)
    {
        await Parallel.ForEachAsync(tickets, new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (ticket, cancellationToken) =>
        {
            var commit = Commit(ticket.Id, ticket.AlarmAt, ticket.Overdue, now);
            if (!await store.CommitAsync(commit, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"seeding {ticket.Id} was refused");
            }
        }).ConfigureAwait(false);
    }

    private TicketCommit Commit(string id, DateTimeOffset? alarmAt, bool overdue, DateTimeOffset now)
    {
        var (start, due) = alarmAt switch
        {
            null => (now, now + TimeSpan.FromDays(2)),
            { } at when overdue => (at - SignLimit, at),
            { } at => (at - (SignLimit * 0.8), at - (SignLimit * 0.8) + SignLimit),
        };
        var state = new TicketGrainState(id, TicketState.Dispatched, "13800001234", "张三", Category.Complaint, "和平区", "建国路1号", "路灯不亮", Urgency.Emergency, start, start, 1)
        {
            LeadDepartmentId = "D01",
            DispatchCount = 1,
            DispatchedAt = start,
            SignDeadline = new Deadline(start, due, WorkingTime: false),
            Alarms = overdue ? [new FiredAlarm(DeadlineKind.Sign, AlarmLevel.Warning, due)] : [],
        };
        var next = alarms.NextAt(state);
        if (alarmAt is { } expected && next != expected)
        {
            throw new InvalidOperationException($"{id}: next alarm {next:O}, meant {expected:O}");
        }

        var created = new TicketCreated(state.CallerPhone, state.CallerName, state.Category, state.District, state.Address, state.Content, state.Urgency);
        return new TicketCommit(
            id, 0, 1, TicketSerializer.Write(state),
            new TicketIndex("DISPATCHED", ["D01"], state.CallerPhone, state.District, start, start) { NextAlarmAt = next },
            [new StoredEvent(1, created.Type, "staff:load", start, TicketSerializer.Write(created))],
            []);
    }
}
