using Hotline.Contracts.Grains;
using Hotline.Contracts.Storage;
using Hotline.Silo.Tests.Storage;
using Npgsql;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Grains;

/// <summary>
/// A database refusal inside a grain reaches a caller on another host as "storage unavailable" (the gRPC layer
/// answers UNAVAILABLE, retryable), not as an exception Orleans cannot carry (which clients saw as INTERNAL).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageFaultAcrossSilosTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Create_DatabaseRefusesTheWrite_CallerAcrossTheWireToldStorageUnavailableThenRecovers()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var cluster = await TwoSiloTicketCluster.StartAsync(connectionString);
        await cluster.Client.GetGrain<ITicketGrain>("T1").CreateAsync(NewTicket());

        await ExecuteAsync(connectionString, "ALTER TABLE ticket_events RENAME TO ticket_events_away");
        var fault = await Assert.ThrowsAsync<StorageUnavailableException>(() => cluster.Client.GetGrain<ITicketGrain>("T2").CreateAsync(NewTicket()));
        await ExecuteAsync(connectionString, "ALTER TABLE ticket_events_away RENAME TO ticket_events");
        var recovered = await cluster.Client.GetGrain<ITicketGrain>("T3").CreateAsync(NewTicket());

        Assert.Equal("PostgresException 42P01", fault.Cause);
        Assert.Equal("T3", recovered.Id);
    }

    [Fact]
    public async Task Get_DatabaseRefusesTheActivationsRead_CallerAcrossTheWireToldStorageUnavailableThenRecovers()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await using var cluster = await TwoSiloTicketCluster.StartAsync(connectionString);
        await cluster.Client.GetGrain<ITicketGrain>("T1").CreateAsync(NewTicket());
        await cluster.Client.GetGrain<ITicketGrain>("T2").CreateAsync(NewTicket());
        // T2 is activated afresh, so its activation (no grain call, which the call filter would see) reads the store.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await ExecuteAsync(connectionString, "ALTER TABLE tickets RENAME TO tickets_away");
        var fault = await Assert.ThrowsAsync<StorageUnavailableException>(() => cluster.Client.GetGrain<ITicketGrain>("T2").GetAsync(Supervisor));
        await ExecuteAsync(connectionString, "ALTER TABLE tickets_away RENAME TO tickets");
        var recovered = await cluster.Client.GetGrain<ITicketGrain>("T2").GetAsync(Supervisor);

        Assert.Equal("PostgresException 42P01", fault.Cause);
        Assert.Equal("T2", recovered.Id);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
