using Npgsql;
using NpgsqlTypes;

namespace Hotline.Load.Reports;

/// <summary>PostgreSQL: a day's rows buffered, then written with two binary COPYs (the fastest bulk path; generation is not measured).</summary>
internal sealed class PostgresReportRows(NpgsqlConnection connection) : IReportRows
{
    private readonly List<(string Id, DateTimeOffset Arrived, string Disposition, string? Queue, string? AnsweredBy, DateTimeOffset Ended, string Json)> _calls = [];
    private readonly List<(string TicketId, int Version, string Type, string Actor, DateTimeOffset At, string Json)> _events = [];

    public static async Task<PostgresReportRows> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        return new PostgresReportRows(connection);
    }

    public void Call(string id, DateTimeOffset arrived, string disposition, string? queue, string? answeredBy, DateTimeOffset ended, string json) =>
        _calls.Add((id, arrived, disposition, queue, answeredBy, ended, json));

    public void Event(string ticketId, int version, string type, string actor, DateTimeOffset at, string json) =>
        _events.Add((ticketId, version, type, actor, at, json));

    public async Task EndDayAsync()
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY call_records (call_id, arrived_at, disposition, queue_id, answered_by, ended_at, record_json) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in _calls)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(c.Id, NpgsqlDbType.Text);
                await copy.WriteAsync(c.Arrived.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(c.Disposition, NpgsqlDbType.Text);
                await WriteNullableAsync(copy, c.Queue);
                await WriteNullableAsync(copy, c.AnsweredBy);
                await copy.WriteAsync(c.Ended.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(c.Json, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY ticket_events (ticket_id, version, type, actor, at, data_json) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in _events)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.TicketId, NpgsqlDbType.Text);
                await copy.WriteAsync((long)e.Version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.Type, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Actor, NpgsqlDbType.Text);
                await copy.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.Json, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        _calls.Clear();
        _events.Clear();
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, NpgsqlDbType.Text);
}
