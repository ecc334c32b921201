using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task QueryAsync_Filters_ReturnMatchingTicketsNewestFirst()
    {
        await Tickets.CommitAsync(TestCommits.Create("A", phone: "111", district: "Xuhui", createdAt: TestCommits.T0), default);
        await Tickets.CommitAsync(TestCommits.Create("B", phone: "222", district: "Pudong", createdAt: TestCommits.T0.AddHours(1)), default);
        await Tickets.CommitAsync(TestCommits.Create("C", phone: "111", district: "Pudong", createdAt: TestCommits.T0.AddHours(2)), default);
        await Tickets.CommitAsync(TestCommits.Next("C", 1, "DISPATCHED", phone: "111", district: "Pudong", createdAt: TestCommits.T0.AddHours(2), departments: ["D01", "D02"]), default);

        Assert.Equal(["C", "B", "A"], await IdsAsync(new TicketQuery()));
        Assert.Equal(["C", "A"], await IdsAsync(new TicketQuery(CallerPhone: "111")));
        Assert.Equal(["C", "B"], await IdsAsync(new TicketQuery(District: "Pudong")));
        Assert.Equal(["C"], await IdsAsync(new TicketQuery(States: ["DISPATCHED", "CLAIMED"])));
        Assert.Equal(["B", "A"], await IdsAsync(new TicketQuery(States: ["CREATED"])));
        Assert.Equal(["C"], await IdsAsync(new TicketQuery(DepartmentId: "D02")));
        Assert.Empty(await IdsAsync(new TicketQuery(DepartmentId: "D03")));
        Assert.Equal(["B"], await IdsAsync(new TicketQuery(CreatedFrom: TestCommits.T0.AddHours(1), CreatedTo: TestCommits.T0.AddHours(2))));
    }

    [Fact]
    public async Task QueryAsync_ExtensionPending_OnlyFlaggedTicketsPagedToTheOldest()
    {
        static TicketCommit Flag(TicketCommit commit, bool pending) => commit with { Index = commit.Index with { ExtensionPending = pending } };

        await Tickets.CommitAsync(Flag(TestCommits.Create("OLD", "CLAIMED", createdAt: TestCommits.T0), pending: true), default);
        for (var i = 0; i < 12; i++)
        {
            await Tickets.CommitAsync(TestCommits.Create($"N{i:D2}", "CLAIMED", createdAt: TestCommits.T0.AddHours(1 + i)), default);
        }

        await Tickets.CommitAsync(Flag(TestCommits.Create("NEW", "CLAIMED", createdAt: TestCommits.T0.AddDays(1)), pending: true), default);
        await Tickets.CommitAsync(Flag(TestCommits.Create("DONE", "CLAIMED", createdAt: TestCommits.T0.AddDays(2)), pending: true), default);
        await Tickets.CommitAsync(Flag(TestCommits.Next("DONE", 1, "CLAIMED", createdAt: TestCommits.T0.AddDays(2)), pending: false), default);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Tickets.QueryAsync(new TicketQuery(States: ["CLAIMED"], PageSize: 1, PageToken: token, ExtensionPending: true), default);
            seen.AddRange(page.Tickets.Select(t => t.TicketId));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(["NEW", "OLD"], seen);
        Assert.Equal(15, (await IdsAsync(new TicketQuery(States: ["CLAIMED"], PageSize: 100))).Count);
    }

    [Fact]
    public async Task QueryAsync_RedispatchedTicket_LeavesTheOldDepartmentsList()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1", departments: ["D01"]), default);
        await Tickets.CommitAsync(TestCommits.Next("T1", 1, "DISPATCHED", departments: ["D02"]), default);

        Assert.Empty(await IdsAsync(new TicketQuery(DepartmentId: "D01")));
        Assert.Equal(["T1"], await IdsAsync(new TicketQuery(DepartmentId: "D02")));
    }

    [Fact]
    public async Task QueryAsync_Paging_VisitsEveryTicketOnceInOrder()
    {
        // Ties on created_at are broken by id, so equal times still page stably.
        for (var i = 0; i < 23; i++)
        {
            await Tickets.CommitAsync(TestCommits.Create($"T{i:D2}", createdAt: TestCommits.T0.AddMinutes(i / 2)), default);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Tickets.QueryAsync(new TicketQuery(PageSize: 5, PageToken: token), default);
            seen.AddRange(page.Tickets.Select(t => t.TicketId));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(5, pages);
        var expected = Enumerable.Range(0, 23).Select(i => (Id: $"T{i:D2}", Minute: i / 2))
            .OrderByDescending(x => x.Minute).ThenByDescending(x => x.Id, StringComparer.Ordinal).Select(x => x.Id);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task QueryAsync_ExactlyOnePage_HasNoNextToken()
    {
        for (var i = 0; i < 3; i++)
        {
            await Tickets.CommitAsync(TestCommits.Create($"T{i}"), default);
        }

        var page = await Tickets.QueryAsync(new TicketQuery(PageSize: 3), default);

        Assert.Equal(3, page.Tickets.Count);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("djF8MHwwfA")]
    [InlineData("////")]
    public async Task QueryAsync_MalformedPageToken_ThrowsArgumentExceptionNamingTheField(string token)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Tickets.QueryAsync(new TicketQuery(PageToken: token), default));

        Assert.Equal("page_token", error.ParamName);
    }

    [Fact]
    public async Task QueryAsync_TokenFromAnotherQuery_ThrowsArgumentException()
    {
        for (var i = 0; i < 3; i++)
        {
            await Tickets.CommitAsync(TestCommits.Create($"T{i}", district: "Xuhui"), default);
        }

        var token = (await Tickets.QueryAsync(new TicketQuery(District: "Xuhui", PageSize: 1), default)).NextPageToken;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Tickets.QueryAsync(new TicketQuery(District: "Pudong", PageSize: 1, PageToken: token), default));
        Assert.Equal("page_token", error.ParamName);
    }

    [Fact]
    public async Task QueryAsync_NegativePageSize_ThrowsArgumentOutOfRange()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Tickets.QueryAsync(new TicketQuery(PageSize: -1), default));

        Assert.Equal("page_size", error.ParamName);
    }

    private async Task<List<string>> IdsAsync(TicketQuery query) =>
        (await Tickets.QueryAsync(query, default)).Tickets.Select(t => t.TicketId).ToList();
}
