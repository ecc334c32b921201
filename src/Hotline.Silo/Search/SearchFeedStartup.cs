using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Search;

/// <summary>
/// Rebuilds the per-host search models from the ticket store when the host starts: every open
/// ticket goes into the duplicate index, and closed tickets of the last <see cref="LearningWindow"/>
/// (replied ones teach the advisor) so that start-up does not replay years of history.
/// Hosted services start before the gRPC listener, so no change can slip between this scan and
/// the grains' own notifications.
/// </summary>
internal sealed class SearchFeedStartup(ITicketQueries queries, SearchFeed feed, TimeProvider time, ILogger<SearchFeedStartup> logger) : IHostedService
{
    private const int PageSize = Hotline.Contracts.Paging.PageSizes.Max;

    /// <summary>How far back closed tickets are learned from at start; dispatch habits older than this are stale anyway.</summary>
    public static readonly TimeSpan LearningWindow = TimeSpan.FromDays(365);

    private static readonly TicketState[] OpenStates =
        [TicketState.Created, TicketState.Dispatched, TicketState.Claimed, TicketState.Returned, TicketState.Replied, TicketState.AwaitingCallback, TicketState.Reopened];

    /// <summary>The store's queries are for staff; the host reads them as a system supervisor.</summary>
    private static readonly Caller System = new(CallerKind.Staff, "system", StaffRole.Supervisor);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = await FeedAsync(new TicketSearch(OpenStates, PageSize: PageSize), cancellationToken);
        count += await FeedAsync(new TicketSearch([TicketState.Closed], CreatedFrom: time.GetUtcNow() - LearningWindow, PageSize: PageSize), cancellationToken);
        SearchFeedLog.Rebuilt(logger, count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> FeedAsync(TicketSearch search, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await queries.SearchAsync(System, search with { PageToken = token }, cancellationToken);
            foreach (var ticket in page.Tickets)
            {
                feed.OnCommitted(ticket);
                count++;
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        return count;
    }
}
