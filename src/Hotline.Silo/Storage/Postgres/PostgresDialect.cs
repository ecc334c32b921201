using System.Data.Common;
using Dapper;
using Hotline.Silo.Storage.Sql;
using Npgsql;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>PostgreSQL through one pooled Npgsql data source; several hosts may share the database.</summary>
internal sealed class PostgresDialect : SqlDialect, IAsyncDisposable
{
    /// <summary>Advisory lock keys ("HotlineS" / "HotlineF" in ASCII) so they cannot collide with other users of the database.</summary>
    public const long SchemaLockKey = 0x486F746C696E6553;
    public const long FeedLockKey = 0x486F746C696E6546;

    /// <summary>Channel on which commits are announced to the other hosts of a cluster (PostgreSQL LISTEN/NOTIFY).</summary>
    public const string CommitChannel = "hotline_commits";

    /// <summary>Connections one host's store holds at most unless the connection string sets <c>Maximum Pool Size</c>.</summary>
    public const int DefaultMaxPoolSize = 40;

    private readonly NpgsqlDataSource _dataSource;

    /// <param name="announceCommits">
    /// True in a cluster: every commit transaction also notifies <see cref="CommitChannel"/> with the ids it
    /// changed, delivered to listeners only once it is durable, so the other hosts' indexes hear of it.
    /// </param>
    public PostgresDialect(string connectionString, bool announceCommits = false)
    {
        ConnectionString = connectionString;
        CommitSender = announceCommits ? Guid.NewGuid().ToString("N") : null;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // The commit and read statements are few and hot; let Npgsql keep them prepared.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        // Every read opens a pooled connection (on one host without a cluster, every ticket call reloads), and by
        // default a connection returned to the pool is reset on the server at its next use. Nothing here leaves
        // session state behind (advisory locks are transaction-scoped; LISTEN has its own connection), so the
        // reset is skipped unless the connection string asks for it.
        if (!builder.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        // Npgsql's default pool (100) lets two clustered hosts under a burst of activations use up a server's
        // connections (PostgreSQL refuses the rest with 53300). A smaller pool makes callers queue for a
        // connection instead: reads and the group commit hold one only briefly, and the server cannot run
        // more statements at once than it has cores anyway.
        if (!builder.ContainsKey("Maximum Pool Size"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public string ConnectionString { get; }

    /// <summary>This process's id in commit announcements (so it skips its own), or null when commits are not announced.</summary>
    public string? CommitSender { get; }

    public override string Name => "postgres";

    public override IReadOnlyList<string> Migrations => PostgresSchema.Migrations;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public ValueTask<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    // Npgsql writes DateTime of kind Utc as timestamptz and reads timestamptz back as UTC DateTime.
    public override object ToDb(DateTimeOffset value) => value.UtcDateTime;

    public override DateTimeOffset FromDb(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToUniversalTime(),
        _ => throw new InvalidCastException($"Unexpected time value of type {value.GetType()}."),
    };

    // Dapper hands lists to Npgsql as native arrays.
    public override string InList(string column, string parameterName) => $"{column} = ANY(@{parameterName})";

    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, transaction, cancellationToken: cancellationToken));

    // Two batches in flight: one's writes overlap the other's commit (the wait for the WAL flush).
    public override int WriterCount => 2;

    public override bool SharedByHosts => true;

    public override ICommitWriter CreateCommitWriter() => new PostgresCommitWriter(this);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
