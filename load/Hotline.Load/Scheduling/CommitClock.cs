using System.Collections.Concurrent;
using Hotline.Contracts.Tickets;

namespace Hotline.Load.Scheduling;

/// <summary>When each ticket's first commit after the start was durable: for an alarm, the moment it was issued.</summary>
internal sealed class CommitClock : ITicketChangeObserver
{
    public ConcurrentDictionary<string, DateTimeOffset> FirstCommit { get; } = new(StringComparer.Ordinal);

    public void OnCommitted(TicketView ticket) => FirstCommit.TryAdd(ticket.Id, TimeProvider.System.GetUtcNow());
}
