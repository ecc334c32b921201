using System.Data.Common;
using System.Globalization;
using Hotline.Silo.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Hotline.Silo.Storage.Sqlite;

/// <summary>
/// SQLite in WAL mode with synchronous=FULL: a commit returns only after the WAL is fsynced, so an
/// acknowledged transition survives kill -9 and power loss; readers (and a CLI process) never block
/// the writer. Writes take the database lock up front (BEGIN IMMEDIATE), which serialises writers
/// across processes sharing the file.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private int _walEnsured;

    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no Data Source.", nameof(connectionString));
        }

        if (builder.Mode is SqliteOpenMode.ReadWriteCreate && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public override string Name => "sqlite";

    private string DataSource { get; }

    public override IReadOnlyList<string> Migrations => SqliteSchema.Migrations;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();

            // journal_mode is stored in the file; setting it once per process is enough.
            var wal = Interlocked.Exchange(ref _walEnsured, 1) == 0 ? "PRAGMA journal_mode = WAL; " : "";
            command.CommandText = $"{wal}PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override object ToDb(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset FromDb(object value) =>
        DateTimeOffset.ParseExact((string)value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override string InList(string column, string parameterName) => $"{column} IN @{parameterName}";

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already holds the write lock.
    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ICommitWriter CreateCommitWriter() => new SqliteCommitWriter(this);

    /// <summary>
    /// Pooled connections keep writing to a database file that was deleted, and SQLite reuses WAL space
    /// already allocated on a full disk: so check that the file is still there and that its directory
    /// takes a new page-sized write.
    /// </summary>
    /// <summary>
    /// A commit to a deleted file would succeed on the open connection and be lost at the next start, so a
    /// commit checks first (one stat) and fails with <see cref="IOException"/> instead.
    /// </summary>
    public void CheckFileExists()
    {
        var path = DataSource;
        if (path != ":memory:" && !File.Exists(path))
        {
            throw new IOException($"The database file {path} is gone.");
        }
    }

    public override void CheckFiles()
    {
        var path = DataSource;
        if (path == ":memory:")
        {
            return;
        }

        CheckFileExists();
        var probe = path + ".probe";
        try
        {
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                file.Write(new byte[4096]);
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
