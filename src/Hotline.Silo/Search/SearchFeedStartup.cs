using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Search;

/// <summary>
/// Rebuilds the per-host search models from the ticket store when the host starts: every open
/// ticket goes into the duplicate index and every closed, replied ticket teaches the advisor.
/// Hosted services start before the gRPC listener, so no change can slip between this scan and
/// the grains' own notifications.
/// </summary>
internal sealed class SearchFeedStartup(ITicketQueries queries, SearchFeed feed, ILogger<SearchFeedStartup> logger) : IHostedService
{
    private const int PageSize = 200;

    /// <summary>The store's queries are for staff; the host reads them as a system supervisor.</summary>
    private static readonly Caller System = new(CallerKind.Staff, "system", StaffRole.Supervisor);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await queries.SearchAsync(System, new TicketSearch(PageSize: PageSize, PageToken: token), cancellationToken);
            foreach (var ticket in page.Tickets)
            {
                feed.OnCommitted(ticket);
                count++;
            }

            token = page.NextPageToken;
        }
        while (token is not null);

        SearchFeedLog.Rebuilt(logger, count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
