using System.Collections.Concurrent;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Api.Tests.Calls.Fakes;

/// <summary>
/// Tickets by caller phone, newest first, at most the page size; records each search. <see cref="Failure"/>
/// makes every search throw, as a broken store would.
/// </summary>
internal sealed class FakeTicketQueries : ITicketQueries
{
    public List<TicketView> Tickets { get; } = [];

    public ConcurrentQueue<(Caller Caller, TicketSearch Search)> Searches { get; } = new();

    public Exception? Failure { get; set; }

    public Task<string?> FindCreatedByRequestAsync(Caller caller, string requestId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task<TicketSearchPage> SearchAsync(Caller caller, TicketSearch search, CancellationToken cancellationToken)
    {
        Searches.Enqueue((caller, search));
        if (Failure is not null)
        {
            throw Failure;
        }

        var found = Tickets
            .Where(t => search.CallerPhone is null || t.CallerPhone == search.CallerPhone)
            .OrderByDescending(t => t.CreatedAt)
            .Take(search.PageSize == 0 ? 50 : search.PageSize)
            .ToList();
        return Task.FromResult(new TicketSearchPage(found, null));
    }

    public Task<TicketSearchPage> ListForDepartmentAsync(
        Caller caller, IReadOnlyList<TicketState>? states, int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the call center services never list a department's tickets");

    public static TicketView Ticket(string id, string phone, DateTimeOffset createdAt, string content = "噪声扰民") => new(
        id, TicketState.Dispatched, phone, "张三", Category.Complaint, "海淀区", "中关村大街1号", content, Urgency.Normal,
        "zjw", [], null, 1, false, false, createdAt, null, DeadlineStatus.OnTime, null, DeadlineStatus.OnTime, null, null, null,
        null, null, [], [], createdAt, createdAt, 2, "市住房和城乡建设委员会", []);
}
