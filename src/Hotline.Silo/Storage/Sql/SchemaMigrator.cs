using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Brings the schema to the newest version at start: a schema_migrations table records what was
/// applied; missing migrations run in one transaction under the dialect's schema lock, so several
/// processes (two hosts, the CLI) may start at once.
/// </summary>
internal sealed class SchemaMigrator(SqlDialect dialect, TimeProvider timeProvider, ILogger<SchemaMigrator> logger) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await dialect.LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;

        var migrations = dialect.Migrations;
        if (current > migrations.Count)
        {
            throw new InvalidOperationException(
                $"The {dialect.Name} database is at schema version {current}, newer than this build knows ({migrations.Count}). Upgrade Hotline.");
        }

        for (var version = current + 1; version <= migrations.Count; version++)
        {
            await connection.ExecuteAsync(new CommandDefinition(migrations[version - 1], transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @appliedAt)",
                new { version, appliedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            StorageLog.MigrationApplied(logger, version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        StorageLog.Ready(logger, dialect.Name, migrations.Count);
    }
}
