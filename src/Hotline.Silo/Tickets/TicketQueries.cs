using Hotline.Contracts.Paging;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Tickets;

/// <summary>Ticket lists over the store's index; views are computed at read time like the grain's.</summary>
internal sealed class TicketQueries(ITicketStore store, TicketViews views, [FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time) : ITicketQueries
{
    public Task<string?> FindCreatedByRequestAsync(Caller caller, string requestId, CancellationToken cancellationToken) =>
        store.FindRequestAsync(TicketRequestKey.For(caller, requestId)!, cancellationToken);

    public async Task<TicketSearchPage> SearchAsync(Caller caller, TicketSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (caller.Kind != CallerKind.Staff || caller.Role is not (StaffRole.Agent or StaffRole.Supervisor))
        {
            throw TicketRefusedException.Denied("only hotline agents and supervisors may search tickets");
        }

        if (search.CreatedFrom is { } from && search.CreatedTo is { } to && from > to)
        {
            throw TicketRefusedException.Invalid("created_from", "must not be after created_to");
        }

        var query = new TicketQuery(
            WireStates(search.States),
            Blank(search.DepartmentId),
            Blank(search.CallerPhone),
            Blank(search.District),
            search.CreatedFrom,
            search.CreatedTo,
            PageSize(search.PageSize),
            Blank(search.PageToken),
            search.ExtensionPending);
        var page = await QueryAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        return new TicketSearchPage([.. page.Tickets.Select(t => views.Full(TicketSerializer.Read(t), now))], page.NextPageToken);
    }

    public async Task<TicketSearchPage> ListForDepartmentAsync(Caller caller, IReadOnlyList<TicketState>? states, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (caller.Kind != CallerKind.Department)
        {
            throw TicketRefusedException.Denied("only a department may list its own tickets");
        }

        var query = new TicketQuery(WireStates(states), caller.Id, PageSize: PageSize(pageSize), PageToken: Blank(pageToken));
        var page = await QueryAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        return new TicketSearchPage([.. page.Tickets.Select(t => views.Full(TicketSerializer.Read(t), now).ForDepartment())], page.NextPageToken);
    }

    /// <summary>
    /// The store refuses a page token it did not issue for these filters with an ArgumentException; that is
    /// the client's mistake, so it becomes InvalidArgument naming the field rather than a server failure.
    /// </summary>
    private async Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await store.QueryAsync(query, cancellationToken);
        }
        catch (ArgumentException refused) when (refused.ParamName == PageToken.FieldName)
        {
            throw TicketRefusedException.Invalid("page_token", "is malformed, damaged or was issued for other filters; repeat the same filters or start without a token");
        }
    }

    private static int PageSize(int requested) =>
        PageSizes.Resolve(requested) ?? throw TicketRefusedException.Invalid("page_size", PageSizes.Rule);

    private static IReadOnlyList<string>? WireStates(IReadOnlyList<TicketState>? states)
    {
        if (states is null || states.Count == 0)
        {
            return null;
        }

        foreach (var state in states)
        {
            if (!Enum.IsDefined(state))
            {
                throw TicketRefusedException.Invalid("state", $"unknown state {state}");
            }
        }

        return [.. states.Distinct().Select(TicketStateNames.Wire)];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
