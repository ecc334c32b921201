namespace Hotline.Contracts.Tickets;

/// <summary>The stream of tickets sent to one department, resumable after a reconnect without losing one.</summary>
public interface ITicketFeed
{
    /// <summary>
    /// Yields every item after <paramref name="afterCursor"/> (0 = from the beginning), oldest first,
    /// then waits for new ones until cancelled.
    /// </summary>
    IAsyncEnumerable<TicketFeedItem> WatchAsync(string departmentId, long afterCursor, CancellationToken cancellationToken);
}
