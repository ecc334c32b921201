using Hotline.Api.Knowledge;
using Hotline.Contracts.Tickets;
using Hotline.Search;
using Hotline.Search.Dispatch;
using Hotline.Search.Similar;

namespace Hotline.Silo.Search;

/// <summary>
/// Keeps the search library's in-memory models in step with the hotline's own tickets. Both are
/// per-host memory, rebuilt at start by <see cref="SearchFeedStartup"/> and then fed every durable
/// ticket change by the ticket grains (<see cref="ITicketChangeObserver"/>):
/// - <see cref="OpenTicketIndex"/> holds every ticket that is not CLOSED or MERGED, so
///   FindSimilarTickets offers only tickets an agent can still merge into;
/// - <see cref="DispatchAdvisor"/> learns each ticket CLOSED with a department's reply: the lead
///   department at that point claimed it, kept it (a return would have moved it on) and resolved it,
///   which is exactly the "dispatched right first time" signal smart dispatch learns from.
/// </summary>
internal sealed class SearchFeed(OpenTicketIndex openTickets, DispatchAdvisor advisor, ILogger<SearchFeed> logger) : ITicketChangeObserver
{
    public void OnCommitted(TicketView ticket)
    {
        try
        {
            Apply(ticket);
        }
        catch (SearchInputException refused)
        {
            // The ticket rules allow text the search models refuse (e.g. longer than they index):
            // the ticket simply stays out of them; the ticket itself is already durable.
            SearchFeedLog.TicketSkipped(logger, ticket.Id, refused.Message);
        }
    }

    private void Apply(TicketView ticket)
    {
        if (ticket.State is TicketState.Closed or TicketState.Merged)
        {
            openTickets.Remove(ticket.Id);
            if (ticket.State == TicketState.Closed && ticket.Reply is not null && ticket.LeadDepartmentId is { } department)
            {
                advisor.Learn(new DispatchRecord(ticket.Id, ticket.Content, CategoryLabels.Chinese(ticket.Category), ticket.District, department));
            }

            return;
        }

        openTickets.Upsert(new OpenTicket(
            ticket.Id, ticket.Content, CategoryLabels.Chinese(ticket.Category), Blank(ticket.District), Blank(ticket.Address)));
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
