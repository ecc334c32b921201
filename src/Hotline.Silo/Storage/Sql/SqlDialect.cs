using System.Data.Common;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// What differs between the SQL databases we store on: how connections open, how time is stored,
/// the schema scripts and how the schema migration is serialised. Everything else is shared SQL.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Short provider name for logs and errors ("sqlite", "postgres").</summary>
    public abstract string Name { get; }

    /// <summary>Opens a connection ready for use (pragmas and session settings applied).</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The value to bind for a point in time; always UTC and sortable.</summary>
    public abstract object ToDb(DateTimeOffset value);

    /// <summary>Reads back what <see cref="ToDb"/> stored.</summary>
    public abstract DateTimeOffset FromDb(object value);

    /// <summary>SQL testing a column against a list bound as one Dapper parameter (expanded or a native array).</summary>
    public abstract string InList(string column, string parameterName);

    /// <summary>Schema migrations in order; index + 1 is the migration's version.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>
    /// Runs inside the migration transaction before the current version is read, so two processes
    /// starting together cannot both apply a migration.
    /// </summary>
    public abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Whether other host processes may commit to the same database (a server database, not an embedded
    /// file), so state cached in memory between calls may be behind it.
    /// </summary>
    public virtual bool SharedByHosts => false;

    /// <summary>How many batches may be in flight at once (each writer loop has its own connection).</summary>
    public virtual int WriterCount => 1;

    /// <summary>Creates the writer that applies batches of commits in one transaction.</summary>
    public abstract ICommitWriter CreateCommitWriter();

    /// <summary>
    /// Throws <see cref="IOException"/> when the files the database lives in are gone or cannot take a
    /// write; nothing to check for a server database.
    /// </summary>
    public virtual void CheckFiles()
    {
    }
}
