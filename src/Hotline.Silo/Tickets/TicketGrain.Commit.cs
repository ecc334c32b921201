using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Tickets;

/// <summary>Turning decided events into one durable, version-checked commit.</summary>
internal sealed partial class TicketGrain
{
    /// <param name="decidedAt">The time the rules decided on (deadlines start there); now when they needed none.</param>
    /// <param name="request">The client's request id, stored in the same transaction; a repeat is not applied (ABORTED).</param>
    private async Task<TicketView> CommitAsync(Caller caller, IReadOnlyList<TicketEvent> events, DateTimeOffset? decidedAt = null, TicketRequestKey? request = null)
    {
        var now = decidedAt ?? time.GetUtcNow();
        if (events.Count == 0)
        {
            return views.For(_state!, caller, now);
        }

        var actor = ReferenceEquals(caller, Scheduler) ? "system:scheduler" : TicketAccess.ActorOf(caller);
        var changes = events.Select(e => new TicketChange(e, actor, now)).ToList();
        var next = TicketFold.Apply(Id, _state, changes);
        var expected = _state?.Version ?? 0;
        var stored = changes
            .Select((change, i) => new StoredEvent(expected + i + 1, change.Event.Type, actor, now, TicketSerializer.Write(change.Event)))
            .ToList();
        var commit = new TicketCommit(Id, expected, next.Version, TicketSerializer.Write(next), IndexOf(next), stored, feed.For(changes, next, now), request)
        {
            SchedulerChanges = TicketSchedule.AuditOf(Id, changes),
        };

        bool applied;
        try
        {
            applied = await store.CommitAsync(commit, CancellationToken.None);
        }
        catch (Exception exception)
        {
            TicketGrainLog.CommitFailed(logger, Id, exception);
            _stale = true;
            throw;
        }

        if (!applied)
        {
            TicketGrainLog.LostRace(logger, Id, expected);
            await ReloadAsync(CancellationToken.None);
            throw TicketRefusedException.Aborted($"ticket '{Id}' was changed concurrently; reload it and retry");
        }

        _state = next;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // The event list is joined only when someone reads it: this runs on every transition.
            TicketGrainLog.Committed(logger, Id, string.Join(",", stored.Select(e => e.Type)), next.Version);
        }

        var full = views.Full(next, now);
        foreach (var observer in observers)
        {
            observer.OnCommitted(full);
        }

        return views.For(next, caller, now);
    }

    private TicketIndex IndexOf(TicketGrainState state) =>
        new(TicketStateNames.Wire(state.State), state.DepartmentIds(), state.CallerPhone, state.District, state.CreatedAt, state.UpdatedAt)
        {
            NextAlarmAt = schedule.NextAt(state),
            ExtensionPending = state.PendingExtension is not null,
        };
}
