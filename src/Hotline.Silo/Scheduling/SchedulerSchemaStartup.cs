using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Creates Quartz's tables before the scheduler starts (registered ahead of Quartz's hosted service).
/// Idempotent; on PostgreSQL hosts starting together serialise on an advisory lock.
/// </summary>
internal sealed class SchedulerSchemaStartup(SchedulerStore store, ILogger<SchedulerSchemaStartup> logger) : IHostedService
{
    // Any fixed number distinct from the other schema locks of this database.
    private const long SchemaLockKey = 0x5C_4ED;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = store.Postgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (store.Postgres)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
        }

        foreach (var statement in QuartzTables.Statements(store.Postgres))
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SchedulingLog.StoreReady(logger, store.Postgres ? "postgres" : "sqlite", store.Postgres);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
