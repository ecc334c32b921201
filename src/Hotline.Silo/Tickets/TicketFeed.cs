using System.Runtime.CompilerServices;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tickets;

/// <summary>A department's feed: stored entries after the cursor, then new ones as the store signals them.</summary>
internal sealed class TicketFeed(ITicketStore store) : ITicketFeed
{
    private const int BatchSize = 100;

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
            var batch = await store.ReadFeedAsync(departmentId, cursor, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                await store.WaitForFeedAsync(departmentId, cursor, cancellationToken);
                continue;
            }

            foreach (var entry in batch)
            {
                cursor = entry.Sequence;
                yield return new TicketFeedItem(entry.Sequence, entry.TicketId, entry.Kind, entry.At, TicketSerializer.ReadView(entry.PayloadJson));
            }
        }
    }
}
