using Hotline.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hotline.Load.Reports;

/// <summary>SQLite: prepared inserts in one transaction per day; synchronous=OFF on this connection only (generation is not measured).</summary>
internal sealed class SqliteReportRows : IReportRows
{
    private readonly SqliteDialect _dialect;
    private readonly SqliteConnection _connection;
    private SqliteTransaction _transaction = null!;
    private SqliteCommand _call = null!;
    private SqliteCommand _event = null!;

    private SqliteReportRows(SqliteDialect dialect, SqliteConnection connection)
    {
        _dialect = dialect;
        _connection = connection;
    }

    public static async Task<SqliteReportRows> OpenAsync(SqliteDialect dialect)
    {
        var connection = await dialect.OpenSqliteAsync(CancellationToken.None);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF";
            pragma.ExecuteNonQuery();
        }

        var rows = new SqliteReportRows(dialect, connection);
        rows.Begin();
        return rows;
    }

    public void Call(string id, DateTimeOffset arrived, string disposition, string? queue, string? answeredBy, DateTimeOffset ended, string json) =>
        Run(_call, id, _dialect.ToDb(arrived), disposition, queue, answeredBy, _dialect.ToDb(ended), json);

    public void Event(string ticketId, int version, string type, string actor, DateTimeOffset at, string json) =>
        Run(_event, ticketId, version, type, actor, _dialect.ToDb(at), json);

    public Task EndDayAsync()
    {
        _transaction.Commit();
        Dispose();
        Begin();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        await _connection.DisposeAsync();
    }

    private void Begin()
    {
        _transaction = _connection.BeginTransaction();
        _call = Command("INSERT INTO call_records (call_id, arrived_at, disposition, queue_id, answered_by, ended_at, record_json) VALUES ($1, $2, $3, $4, $5, $6, $7)", 7);
        _event = Command("INSERT INTO ticket_events (ticket_id, version, type, actor, at, data_json) VALUES ($1, $2, $3, $4, $5, $6)", 6);
    }

    private void Dispose()
    {
        _call.Dispose();
        _event.Dispose();
        _transaction.Dispose();
    }

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
