namespace Hotline.Silo.Storage.Sqlite;

/// <summary>
/// SQLite schema. Times are TEXT in one fixed-width UTC form (yyyy-MM-ddTHH:mm:ss.fffffffZ), so text
/// order is time order. Ticket history is append-only: triggers refuse UPDATE and DELETE.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE tickets (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            state_json TEXT NOT NULL,
            state TEXT NOT NULL,
            caller_phone TEXT NOT NULL,
            district TEXT NOT NULL,
            department_ids TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE INDEX tickets_created ON tickets (created_at, id);
        CREATE INDEX tickets_state ON tickets (state, created_at, id);
        CREATE INDEX tickets_caller_phone ON tickets (caller_phone, created_at, id);
        CREATE INDEX tickets_district ON tickets (district, created_at, id);

        CREATE TABLE ticket_departments (
            ticket_id TEXT NOT NULL,
            department_id TEXT NOT NULL,
            PRIMARY KEY (ticket_id, department_id)) WITHOUT ROWID;
        CREATE INDEX ticket_departments_department ON ticket_departments (department_id, ticket_id);

        CREATE TABLE ticket_events (
            ticket_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            type TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            data_json TEXT NOT NULL,
            PRIMARY KEY (ticket_id, version));
        CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
            BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
            BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;

        CREATE TABLE department_feed (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            department_id TEXT NOT NULL,
            ticket_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            payload_json TEXT NOT NULL);
        CREATE INDEX department_feed_department ON department_feed (department_id, sequence);

        CREATE TABLE tokens (
            hash TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            role TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0);

        CREATE TABLE departments (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            handling_working_days INTEGER NOT NULL);
        """,
    ];
}
