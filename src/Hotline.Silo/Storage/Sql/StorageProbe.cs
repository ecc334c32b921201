using Dapper;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// A real write to the database, for the health check: a read still succeeds on a full disk or a
/// read-only file, so only a committed write shows that the store can take a transition now.
/// </summary>
internal sealed class StorageProbe(SqlDialect dialect, TimeProvider timeProvider)
{
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        dialect.CheckFiles();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE health_probe SET probed_at = @at WHERE id = 1",
            new { at = timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
