using Npgsql;

namespace Hotline.Silo.Cluster;

/// <summary>
/// Creates the membership tables and stores the provider's query texts before the silo starts (hosted services
/// start in order). Idempotent, and safe when two hosts start together: one transaction under an advisory lock.
/// The texts are rewritten on every start, so a host always runs the queries its own version ships.
/// </summary>
internal sealed class ClusterSchemaStartup(string connectionString, ILogger<ClusterSchemaStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", PostgresMembershipSchema.SchemaLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(PostgresMembershipSchema.Tables, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in PostgresMembershipSchema.Queries)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext",
                connection,
                transaction);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("text", text);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        ClusterLog.SchemaReady(logger, PostgresMembershipSchema.Queries.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
