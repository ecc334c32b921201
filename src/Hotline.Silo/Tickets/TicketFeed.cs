using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tickets;

/// <summary>A department's feed: stored entries after the cursor, then new ones as the store signals them.</summary>
internal sealed class TicketFeed : ITicketFeed
{
    /// <summary>
    /// Entries read per query. A stream holds one page while its client reads it, so this, not the backlog,
    /// bounds a stream's memory: 8 of the largest tickets are well under 1 MB, where 100 were several.
    /// </summary>
    internal const int PageSize = 8;

    private readonly ITicketStore _store;
    private readonly Counter<long>? _queries;

    public TicketFeed(ITicketStore store, IMeterFactory? meterFactory = null)
    {
        _store = store;
        _queries = meterFactory?.Create("Hotline.Tickets").CreateCounter<long>(
            "hotline.tickets.feed.queries", description: "Store queries made by department feeds (reads and wake-up checks); idle feeds make none.");
    }

    public async IAsyncEnumerable<TicketFeedItem> WatchAsync(string departmentId, long afterCursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(departmentId))
        {
            throw TicketRefusedException.Invalid("department_id", "is required");
        }

        if (afterCursor < 0)
        {
            throw TicketRefusedException.Invalid("cursor", "must not be negative");
        }

        var cursor = afterCursor;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _queries?.Add(1);
            var page = await _store.ReadFeedAsync(departmentId, cursor, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                _queries?.Add(1);
                await _store.WaitForFeedAsync(departmentId, cursor, cancellationToken);
                continue;
            }

            foreach (var entry in page)
            {
                cursor = entry.Sequence;
                yield return new TicketFeedItem(entry.Sequence, entry.TicketId, entry.Kind, entry.At, TicketSerializer.ReadView(entry.PayloadJson));
            }
        }
    }
}
