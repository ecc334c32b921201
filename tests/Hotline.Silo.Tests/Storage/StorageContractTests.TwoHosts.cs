using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task CommitAsync_TwoHostsRacingOnOneTicket_ExactlyOneWinsEveryRound()
    {
        var other = await StartHostAsync();
        const int Rounds = 60;
        await Tickets.CommitAsync(TestCommits.Create("RACE"), default);

        for (var version = 1; version <= Rounds; version++)
        {
            var expected = version;
            var results = await Task.WhenAll(
                Task.Run(() => Tickets.CommitAsync(TestCommits.Next("RACE", expected, "A", actor: "host-a"), default)),
                Task.Run(() => other.Tickets.CommitAsync(TestCommits.Next("RACE", expected, "B", actor: "host-b"), default)));

            Assert.Single(results, r => r);
        }

        var history = await other.Tickets.ReadHistoryAsync("RACE", default);
        Assert.Equal(Enumerable.Range(1, Rounds + 1).Select(v => (long)v), history.Select(e => e.Version));
        Assert.Equal(Rounds + 1, (await Tickets.LoadAsync("RACE", default))!.Version);
    }

    [Fact]
    public async Task CommitAsync_TwoHostsCreatingTheSameTicket_ExactlyOneWins()
    {
        var other = await StartHostAsync();
        for (var round = 0; round < 20; round++)
        {
            var id = $"NEW{round}";
            var results = await Task.WhenAll(
                Task.Run(() => Tickets.CommitAsync(TestCommits.Create(id, phone: "a"), default)),
                Task.Run(() => other.Tickets.CommitAsync(TestCommits.Create(id, phone: "b"), default)));

            Assert.Single(results, r => r);
            Assert.Single(await Tickets.ReadHistoryAsync(id, default));
        }
    }

    [Fact]
    public async Task TicketEvents_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1"), default);
        await using var connection = await Store.Dialect.OpenAsync(default);

        foreach (var sql in new[] { "UPDATE ticket_events SET actor = 'x'", "DELETE FROM ticket_events" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Single(await Tickets.ReadHistoryAsync("T1", default));
    }
}
