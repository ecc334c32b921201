using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

/// <summary>The storage contract, run against every provider (see the derived classes). Each test gets a fresh database.</summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    private readonly List<StorageInstance> _instances = [];
    private IReadOnlyDictionary<string, string?>? _settings;

    private protected StorageInstance Store { get; private set; } = null!;

    private protected ITicketStore Tickets => Store.Tickets;

    public async Task InitializeAsync() => Store = await StartHostAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    /// <summary>Settings for a fresh, empty database of this provider (called once per test).</summary>
    private protected abstract Task<IReadOnlyDictionary<string, string?>> CreateDatabaseAsync();

    /// <summary>Starts another storage instance ("host") on this test's database.</summary>
    private protected async Task<StorageInstance> StartHostAsync(params (string Key, string Value)[] extraSettings)
    {
        _settings ??= await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var instance = await StorageInstance.StartAsync(settings);
        _instances.Add(instance);
        return instance;
    }

    [Fact]
    public async Task CommitAsync_NewTicket_LoadsBackStateAndVersion()
    {
        var commit = TestCommits.Create("T1");

        Assert.True(await Tickets.CommitAsync(commit, default));
        var loaded = await Tickets.LoadAsync("T1", default);

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(commit.StateJson, loaded.StateJson);
    }

    [Fact]
    public async Task LoadIfChangedAsync_KnownVersion_ReturnsNullUntilTheTicketMovesOn()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);

        Assert.Null(await Tickets.LoadIfChangedAsync("T1", 1, default));
        Assert.True(await Tickets.CommitAsync(TestCommits.Next("T1", 1, "DISPATCHED"), default));
        var changed = await Tickets.LoadIfChangedAsync("T1", 1, default);

        Assert.Equal(2, changed?.Version);
        Assert.Equal((await Tickets.LoadAsync("T1", default))!.StateJson, changed!.StateJson);
    }

    [Fact]
    public async Task LoadAsync_UnknownTicket_ReturnsNull()
    {
        Assert.Null(await Tickets.LoadAsync("nope", default));
    }

    [Fact]
    public async Task CommitAsync_StaleVersion_ReturnsFalseAndWritesNothing()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);
        await Tickets.CommitAsync(TestCommits.Next("T1", 1, "DISPATCHED", departments: ["D01"]), default);

        var stale = TestCommits.Next("T1", 1, "CLOSED", departments: ["D02"], feed: [TestCommits.Dispatched("D02", "T1")]);
        Assert.False(await Tickets.CommitAsync(stale, default));

        var loaded = await Tickets.LoadAsync("T1", default);
        Assert.Equal(2, loaded!.Version);
        Assert.Contains("DISPATCHED", loaded.StateJson, StringComparison.Ordinal);
        Assert.Equal(2, (await Tickets.ReadHistoryAsync("T1", default)).Count);
        Assert.Empty(await Tickets.ReadFeedAsync("D02", 0, 10, default));
        Assert.Empty((await Tickets.QueryAsync(new TicketQuery(DepartmentId: "D02"), default)).Tickets);
    }

    [Fact]
    public async Task CommitAsync_CreateExistingTicket_ReturnsFalse()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1", phone: "1"), default);

        Assert.False(await Tickets.CommitAsync(TestCommits.Create("T1", phone: "2"), default));
        Assert.Contains("\"phone\":\"1\"", (await Tickets.LoadAsync("T1", default))!.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_UpdateOfMissingTicket_ReturnsFalse()
    {
        Assert.False(await Tickets.CommitAsync(TestCommits.Next("ghost", 3, "CLAIMED"), default));
        Assert.Null(await Tickets.LoadAsync("ghost", default));
    }

    [Fact]
    public async Task CommitAsync_ManyConcurrentWithOneConflict_OnlyTheConflictFails()
    {
        for (var i = 0; i < 40; i++)
        {
            await Tickets.CommitAsync(TestCommits.Create($"T{i}"), default);
        }

        var commits = Enumerable.Range(0, 40)
            .Select(i => TestCommits.Next($"T{i}", i == 17 ? 5 : 1, "DISPATCHED", departments: ["D01"], feed: [TestCommits.Dispatched("D01", $"T{i}")]))
            .ToList();
        var results = await Task.WhenAll(commits.Select(c => Tickets.CommitAsync(c, default)));

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(i != 17, results[i]);
            Assert.Equal(i == 17 ? 1 : 2, (await Tickets.LoadAsync($"T{i}", default))!.Version);
        }

        Assert.Equal(39, (await Tickets.ReadFeedAsync("D01", 0, 100, default)).Count);
    }

    [Fact]
    public async Task CommitAsync_SameTicketTwiceConcurrently_ExactlyOneApplies()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);

        var results = await Task.WhenAll(
            Tickets.CommitAsync(TestCommits.Next("T1", 1, "DISPATCHED", actor: "a"), default),
            Tickets.CommitAsync(TestCommits.Next("T1", 1, "CLOSED", actor: "b"), default));

        Assert.Single(results, r => r);
        Assert.Equal(2, (await Tickets.ReadHistoryAsync("T1", default)).Count);
    }

    [Fact]
    public async Task CommitAsync_ChainedVersionsInOneBurst_AllApplyInOrder()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(v => Tickets.CommitAsync(TestCommits.Next("T1", v, $"S{v + 1}"), default)));

        Assert.All(results, Assert.True);
        Assert.Equal(6, (await Tickets.LoadAsync("T1", default))!.Version);
        Assert.Contains("S6", (await Tickets.LoadAsync("T1", default))!.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_MalformedCommit_ThrowsArgumentException()
    {
        var commit = TestCommits.Create("T1") with { NewVersion = 3 };

        await Assert.ThrowsAsync<ArgumentException>(() => Tickets.CommitAsync(commit, default));
        Assert.Null(await Tickets.LoadAsync("T1", default));
    }

    [Fact]
    public async Task ReadHistoryAsync_SeveralCommits_ReturnsEventsInVersionOrder()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);
        await Tickets.CommitAsync(TestCommits.Next("T1", 1, "DISPATCHED", eventType: "dispatched", actor: "agent:7"), default);
        await Tickets.CommitAsync(TestCommits.Next("T1", 2, "CLAIMED", eventType: "claimed", actor: "dept:D01"), default);

        var history = await Tickets.ReadHistoryAsync("T1", default);

        Assert.Equal([1L, 2L, 3L], history.Select(e => e.Version));
        Assert.Equal(["created", "dispatched", "claimed"], history.Select(e => e.Type));
        Assert.Equal("dept:D01", history[2].Actor);
        Assert.Equal(TestCommits.T0.AddMinutes(2), history[2].At);
        Assert.Equal(TimeSpan.Zero, history[2].At.Offset);
        Assert.Contains("claimed at v3", history[2].DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadHistoryAsync_TimesWithOffset_ComeBackAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
        await Tickets.CommitAsync(TestCommits.Create("T1", createdAt: local), default);

        var history = await Tickets.ReadHistoryAsync("T1", default);

        Assert.Equal(local, history[0].At);
        Assert.Equal(TimeSpan.Zero, history[0].At.Offset);
    }
}
