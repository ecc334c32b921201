using Microsoft.Data.Sqlite;

namespace Hotline.Silo.Storage.Sqlite;

/// <summary>The commit path's statements, prepared once per writer connection and reused for every batch.</summary>
internal sealed class SqliteStatements : IDisposable
{
    public SqliteStatements(SqliteConnection connection)
    {
        SelectVersion = Prepare(connection, "SELECT version, department_ids FROM tickets WHERE id = $id", "$id");
        SelectRequest = Prepare(connection, "SELECT 1 FROM ticket_requests WHERE caller = $caller AND request_id = $request_id", "$caller", "$request_id");
        InsertRequest = Prepare(connection,
            "INSERT INTO ticket_requests (caller, request_id, ticket_id) VALUES ($caller, $request_id, $id)", "$caller", "$request_id", "$id");
        InsertTicket = Prepare(connection,
            """
            INSERT INTO tickets (id, version, state_json, state, caller_phone, district, department_ids, created_at, updated_at, next_alarm_at, extension_pending)
            SELECT $id, $version, $state_json, $state, $caller_phone, $district, $department_ids, $created_at, $updated_at, $next_alarm_at, $extension_pending WHERE $expected = 0
            """,
            "$id", "$expected", "$version", "$state_json", "$state", "$caller_phone", "$district", "$department_ids", "$created_at", "$updated_at", "$next_alarm_at", "$extension_pending");
        UpdateTicket = Prepare(connection,
            """
            UPDATE tickets SET version = $version, state_json = $state_json, state = $state, caller_phone = $caller_phone,
                district = $district, department_ids = $department_ids, created_at = $created_at, updated_at = $updated_at,
                next_alarm_at = $next_alarm_at, extension_pending = $extension_pending
            WHERE id = $id AND version = $expected
            """,
            "$id", "$expected", "$version", "$state_json", "$state", "$caller_phone", "$district", "$department_ids", "$created_at", "$updated_at", "$next_alarm_at", "$extension_pending");
        DeleteDepartments = Prepare(connection, "DELETE FROM ticket_departments WHERE ticket_id = $id", "$id");
        InsertDepartment = Prepare(connection,
            "INSERT OR IGNORE INTO ticket_departments (ticket_id, department_id) VALUES ($id, $department_id)", "$id", "$department_id");
        InsertEvent = Prepare(connection,
            "INSERT INTO ticket_events (ticket_id, version, type, actor, at, data_json) VALUES ($id, $version, $type, $actor, $at, $data_json)",
            "$id", "$version", "$type", "$actor", "$at", "$data_json");
        InsertSchedulerChange = Prepare(connection,
            """
            INSERT INTO scheduler_changes (job_key, action, actor, at, reason, before_at, after_at)
            VALUES ($job_key, $action, $actor, $at, $reason, $before_at, $after_at)
            """,
            "$job_key", "$action", "$actor", "$at", "$reason", "$before_at", "$after_at");
        InsertFeed = Prepare(connection,
            "INSERT INTO department_feed (department_id, ticket_id, kind, at, payload_json) VALUES ($department_id, $id, $kind, $at, $payload_json)",
            "$department_id", "$id", "$kind", "$at", "$payload_json");
    }

    public SqliteCommand SelectVersion { get; }

    public SqliteCommand SelectRequest { get; }

    public SqliteCommand InsertRequest { get; }

    public SqliteCommand InsertTicket { get; }

    public SqliteCommand UpdateTicket { get; }

    public SqliteCommand DeleteDepartments { get; }

    public SqliteCommand InsertDepartment { get; }

    public SqliteCommand InsertEvent { get; }

    public SqliteCommand InsertFeed { get; }

    public SqliteCommand InsertSchedulerChange { get; }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in All())
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var command in All())
        {
            command.Dispose();
        }
    }

    private IEnumerable<SqliteCommand> All() => [SelectVersion, SelectRequest, InsertRequest, InsertTicket, UpdateTicket, DeleteDepartments, InsertDepartment, InsertEvent, InsertFeed, InsertSchedulerChange];

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }
}
