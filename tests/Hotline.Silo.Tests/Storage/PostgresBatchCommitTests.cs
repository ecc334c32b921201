using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Postgres;
using Npgsql;

namespace Hotline.Silo.Tests.Storage;

/// <summary>
/// Group commit on PostgreSQL, one batch at a time: many tickets' commits in one transaction, each
/// version-checked on its own, and a batch that fails part-way leaves nothing behind.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBatchCommitTests(PostgresServerFixture server) : IAsyncLifetime
{
    // Names this test's connections in pg_stat_activity; other tests may share the server.
    private readonly string _applicationName = "batch-" + Guid.NewGuid().ToString("N")[..12];
    private StorageInstance _store = null!;

    public async Task InitializeAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateSchemaAsync()) { ApplicationName = _applicationName }.ConnectionString;
        _store = await StorageInstance.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
        });
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ApplyAsync_OneBatchWithLosers_RefusesOnlyTheLosers()
    {
        for (var i = 0; i < 6; i++)
        {
            Assert.True(await _store.Tickets.CommitAsync(TestCommits.Create($"T{i}"), default));
        }

        var request = new TicketRequestKey("agent:a1", "r-1");
        TicketCommit[] batch =
        [
            TestCommits.Next("T0", 1, "DISPATCHED", departments: ["D01"], feed: [TestCommits.Dispatched("D01", "T0")]),
            TestCommits.Next("T1", 4, "DISPATCHED", departments: ["D01"], feed: [TestCommits.Dispatched("D01", "T1")]),
            TestCommits.Next("T2", 1, "CLAIMED") with { Request = request },
            TestCommits.Next("T3", 1, "CLAIMED") with { Request = request },
            TestCommits.Create("T4"),
            TestCommits.Create("N1"),
            TestCommits.Next("N1", 1, "DISPATCHED", departments: ["D02"]),
            TestCommits.Next("T5", 1, "CLAIMED"),
            TestCommits.Next("T5", 1, "CLOSED"),
        ];

        var results = await new PostgresCommitWriter(Dialect).ApplyAsync(batch, default);

        Assert.Equal([true, false, true, false, false, true, true, true, false], results);
        Assert.Equal(2, (await _store.Tickets.LoadAsync("T0", default))!.Version);
        Assert.Equal(1, (await _store.Tickets.LoadAsync("T1", default))!.Version);
        Assert.Equal(2, (await _store.Tickets.LoadAsync("T2", default))!.Version);
        Assert.Equal(1, (await _store.Tickets.LoadAsync("T3", default))!.Version);
        Assert.Equal(2, (await _store.Tickets.LoadAsync("N1", default))!.Version);
        Assert.Equal(["created", "changed"], (await _store.Tickets.ReadHistoryAsync("T5", default)).Select(e => e.Type));
        Assert.Equal("T2", await _store.Tickets.FindRequestAsync(request, default));
        Assert.Equal(["T0"], (await _store.Tickets.ReadFeedAsync("D01", 0, 10, default)).Select(f => f.TicketId));
        Assert.Equal(0, await OpenTransactionsAsync());
    }

    [Fact]
    public async Task ApplyAsync_StatementFailsInTheBatch_WritesNothingAndTheNextBatchApplies()
    {
        Assert.True(await _store.Tickets.CommitAsync(TestCommits.Create("T1"), default));
        var writer = new PostgresCommitWriter(Dialect);

        // PostgreSQL refuses a NUL character in text: the write batch fails after the locked read.
        var poisoned = TestCommits.Create("BAD") with { StateJson = "{\"note\":\"\0\"}" };
        await Assert.ThrowsAsync<PostgresException>(() => writer.ApplyAsync([TestCommits.Next("T1", 1, "DISPATCHED"), poisoned], default));

        Assert.Equal(1, (await _store.Tickets.LoadAsync("T1", default))!.Version);
        Assert.Null(await _store.Tickets.LoadAsync("BAD", default));
        Assert.Equal(0, await OpenTransactionsAsync());
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(new[] { true }, await writer.ApplyAsync([TestCommits.Next("T1", 1 + round, "DISPATCHED")], default));
        }

        Assert.Equal(4, (await _store.Tickets.ReadHistoryAsync("T1", default)).Count);
    }

    [Fact]
    public async Task CommitAsync_ConcurrentWithOnePoisoned_OnlyThatCallerFails()
    {
        var commits = Enumerable.Range(0, 30).Select(i => TestCommits.Create($"T{i}")).ToList();
        commits[11] = commits[11] with { StateJson = "{\"note\":\"\0\"}" };

        var calls = commits.Select(c => _store.Tickets.CommitAsync(c, default)).ToList();
        await Assert.ThrowsAnyAsync<Exception>(() => calls[11]);

        for (var i = 0; i < commits.Count; i++)
        {
            if (i != 11)
            {
                Assert.True(await calls[i]);
                Assert.Equal(1, (await _store.Tickets.LoadAsync($"T{i}", default))!.Version);
            }
        }

        Assert.Null(await _store.Tickets.LoadAsync("T11", default));
    }

    private PostgresDialect Dialect => (PostgresDialect)_store.Dialect;

    /// <summary>This test's connections left inside a transaction (a batch that neither committed nor rolled back).</summary>
    private async Task<long> OpenTransactionsAsync()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND state LIKE 'idle in transaction%'", connection);
        command.Parameters.AddWithValue("name", _applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
