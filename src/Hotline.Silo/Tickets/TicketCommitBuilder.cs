using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets;

/// <summary>
/// Turns decided events into the next state and the one version-checked commit that makes it durable:
/// the events, the snapshot, the index row, the feed notices and the scheduler audit, all in one
/// transaction. Free of I/O; the grain hands the commit to the store.
/// </summary>
internal sealed class TicketCommitBuilder(TicketFeedNotices feed, TicketSchedule schedule)
{
    /// <param name="request">The client's request id, stored in the same transaction; a repeat is not applied.</param>
    public (TicketGrainState Next, TicketCommit Commit) Build(
        string ticketId, TicketGrainState? state, string actor, IReadOnlyList<TicketEvent> events, DateTimeOffset now, TicketRequestKey? request)
    {
        var changes = events.Select(e => new TicketChange(e, actor, now)).ToList();
        var next = TicketFold.Apply(ticketId, state, changes);
        var expected = state?.Version ?? 0;
        var stored = changes
            .Select((change, i) => new StoredEvent(expected + i + 1, change.Event.Type, actor, now, TicketSerializer.Write(change.Event)))
            .ToList();
        var commit = new TicketCommit(ticketId, expected, next.Version, TicketSerializer.Write(next), IndexOf(next), stored, feed.For(changes, next, now), request)
        {
            SchedulerChanges = TicketSchedule.AuditOf(ticketId, changes),
        };
        return (next, commit);
    }

    private TicketIndex IndexOf(TicketGrainState state) =>
        new(TicketStateNames.Wire(state.State), state.DepartmentIds(), state.CallerPhone, state.District, state.CreatedAt, state.UpdatedAt)
        {
            NextAlarmAt = schedule.NextAt(state),
            ExtensionPending = state.PendingExtension is not null,
        };
}
