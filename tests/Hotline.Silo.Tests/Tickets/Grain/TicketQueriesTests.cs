using Hotline.Contracts.Tickets;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketQueriesTests
{
    [Fact]
    public async Task Search_PagesOfThree_EveryTicketOnceNewestFirst()
    {
        await using var host = await StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            // Pairs share a creation time, so paging must break ties by id.
            if (i % 2 == 0)
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
            }

            created.Add($"T{i}");
            await host.CreateAsync($"T{i}");
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await host.Queries.SearchAsync(Agent, new TicketSearch(PageSize: 3, PageToken: token), CancellationToken.None);
            seen.AddRange(page.Tickets.Select(t => t.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(["T7", "T6", "T5", "T4", "T3", "T2", "T1", "T0"], seen);
    }

    [Fact]
    public async Task Search_ByStatePhoneDistrictAndDepartment_OnlyMatches()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", phone: "13800000001", district: "和平区");
        await host.CreateAsync("T2", phone: "13800000002", district: "南开区");
        await host.CreateAsync("T3", phone: "13800000001", district: "南开区");
        await host.DispatchAsync("T2", "D01", "D02");
        await host.DispatchAsync("T3", "D02");

        Assert.Equal(["T3", "T2"], await Ids(host, new TicketSearch(States: [TicketState.Dispatched])));
        Assert.Equal(["T1"], await Ids(host, new TicketSearch(States: [TicketState.Created])));
        Assert.Equal(["T3", "T1"], await Ids(host, new TicketSearch(CallerPhone: "13800000001")));
        Assert.Equal(["T3", "T2"], await Ids(host, new TicketSearch(District: "南开区")));
        Assert.Equal(["T2"], await Ids(host, new TicketSearch(DepartmentId: "D01")));
        Assert.Equal(["T3", "T2"], await Ids(host, new TicketSearch(DepartmentId: "D02")));
        Assert.Equal(["T3"], await Ids(host, new TicketSearch(CallerPhone: "13800000001", DepartmentId: "D02")));
        Assert.Empty(await Ids(host, new TicketSearch(DepartmentId: "D03")));
    }

    [Fact]
    public async Task Search_ByTimeRange_FromInclusiveToExclusive()
    {
        await using var host = await StartAsync();
        var start = host.Time.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            await host.CreateAsync($"T{i}");
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var ids = await Ids(host, new TicketSearch(CreatedFrom: start.AddMinutes(1), CreatedTo: start.AddMinutes(3)));

        Assert.Equal(["T2", "T1"], ids);
    }

    [Fact]
    public async Task Search_FromAfterTo_InvalidArgument()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();

        await ExpectInvalid("created_from", () => host.Queries.SearchAsync(Agent, new TicketSearch(CreatedFrom: now, CreatedTo: now.AddMinutes(-1)), CancellationToken.None));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Search_PageSizeOutOfRange_InvalidArgument(int pageSize)
    {
        await using var host = await StartAsync();

        await ExpectInvalid("page_size", () => host.Queries.SearchAsync(Agent, new TicketSearch(PageSize: pageSize), CancellationToken.None));
        await ExpectInvalid("page_size", () => host.Queries.ListForDepartmentAsync(D01, null, pageSize, null, CancellationToken.None));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("djEKMQpUMQpmZmZm")]
    public async Task Search_MalformedPageToken_InvalidArgument(string token)
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");

        await ExpectInvalid("page_token", () => host.Queries.SearchAsync(Agent, new TicketSearch(PageToken: token), CancellationToken.None));
        await ExpectInvalid("page_token", () => host.Queries.ListForDepartmentAsync(D01, null, 0, token, CancellationToken.None));
    }

    [Fact]
    public async Task Search_TokenReplayedWithOtherFilters_InvalidArgument()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.CreateAsync("T2");
        var page = await host.Queries.SearchAsync(Agent, new TicketSearch(PageSize: 1), CancellationToken.None);

        await ExpectInvalid("page_token", () => host.Queries.SearchAsync(Agent, new TicketSearch(District: "和平区", PageSize: 1, PageToken: page.NextPageToken), CancellationToken.None));
    }

    [Fact]
    public async Task ListForDepartment_PagedAndByState_OwnTicketsMasked()
    {
        await using var host = await StartAsync();
        foreach (var id in new[] { "T1", "T2", "T3" })
        {
            await host.CreateAsync(id);
            await host.DispatchAsync(id, "D01");
        }

        await host.CreateAsync("T4");
        await host.DispatchAsync("T4", "D03");
        await host.Ticket("T2").ClaimAsync(new(D01));

        var first = await host.Queries.ListForDepartmentAsync(D01, null, 2, null, CancellationToken.None);
        var second = await host.Queries.ListForDepartmentAsync(D01, null, 2, first.NextPageToken, CancellationToken.None);
        var claimed = await host.Queries.ListForDepartmentAsync(D01, [TicketState.Claimed], 0, null, CancellationToken.None);

        Assert.Equal(["T3", "T2", "T1"], first.Tickets.Concat(second.Tickets).Select(t => t.Id));
        Assert.Null(second.NextPageToken);
        Assert.All(first.Tickets.Concat(second.Tickets), t => Assert.Equal("138****1234", t.CallerPhone));
        Assert.Equal("T2", Assert.Single(claimed.Tickets).Id);
    }

    [Fact]
    public async Task Queries_WrongCallerKind_PermissionDenied()
    {
        await using var host = await StartAsync();

        var search = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Queries.SearchAsync(D01, new TicketSearch(), CancellationToken.None));
        var list = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Queries.ListForDepartmentAsync(Agent, null, 0, null, CancellationToken.None));

        Assert.Equal(TicketRefusal.PermissionDenied, search.Kind);
        Assert.Equal(TicketRefusal.PermissionDenied, list.Kind);
    }

    private static async Task<List<string>> Ids(TicketGrainHost host, TicketSearch search) =>
        [.. (await host.Queries.SearchAsync(Agent, search, CancellationToken.None)).Tickets.Select(t => t.Id)];

    private static async Task ExpectInvalid(string field, Func<Task> act)
    {
        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(act);
        Assert.Equal(TicketRefusal.InvalidArgument, refusal.Kind);
        Assert.Equal(field, refusal.Field);
    }
}
