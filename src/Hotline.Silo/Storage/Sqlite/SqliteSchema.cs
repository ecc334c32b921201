using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Storage.Sqlite;

/// <summary>
/// SQLite schema. Times are TEXT in one fixed-width UTC form (yyyy-MM-ddTHH:mm:ss.fffffffZ), so text
/// order is time order. Ticket and agent-state histories are append-only: triggers refuse UPDATE and DELETE.
/// Migration 2 holds the telephony tables (agents, agent states, call records, callbacks); migration 3
/// flags callback requests whose number is not dialled automatically;
/// migration 4 the organisation directory (department fields, the audited change history, districts and categories);
/// migration 5 the health check's write probe, migration 6 the client request ids (AIP-155) answered so far,
/// migration 7 token expiry;
/// migration 8 the next deadline alarm of each ticket (the scheduler's sweep column) and the audit of supervisors' changes to scheduled jobs;
/// migration 9 the web console's staff accounts (PBKDF2 password hashes, failed sign-ins and lock-out);
/// migration 10 the reports' daily snapshots (report_daily, report_days) and the index reports read ticket events by;
/// migration 11 the scheduler's callback attempts (count, next attempt, the attempts' log) and pending requests by number;
/// migration 12 the 超期未办结 counter, dropping the snapshots so they are filled again with it (they are derived data);
/// migration 13 the count of return visits left unanswered (回访未接通), likewise refilling the snapshots;
/// migration 14 flags tickets whose extension request waits for a supervisor (filled from the stored state), with a partial index.
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
        """
        CREATE TABLE agents (
            id TEXT NOT NULL PRIMARY KEY,
            realm TEXT NOT NULL,
            ha1_md5 TEXT NOT NULL,
            ha1_sha256 TEXT NOT NULL,
            skills TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);

        CREATE TABLE agent_state_changes (
            agent_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL,
            call_id TEXT,
            PRIMARY KEY (agent_id, seq));
        CREATE TRIGGER agent_state_changes_no_update BEFORE UPDATE ON agent_state_changes
            BEGIN SELECT RAISE(ABORT, 'agent state history is append-only'); END;
        CREATE TRIGGER agent_state_changes_no_delete BEFORE DELETE ON agent_state_changes
            BEGIN SELECT RAISE(ABORT, 'agent state history is append-only'); END;

        CREATE TABLE call_records (
            call_id TEXT NOT NULL PRIMARY KEY,
            arrived_at TEXT,
            disposition TEXT NOT NULL,
            queue_id TEXT,
            answered_by TEXT,
            ended_at TEXT,
            record_json TEXT NOT NULL);
        CREATE INDEX call_records_arrived ON call_records (arrived_at, call_id);

        CREATE TABLE callback_requests (
            call_id TEXT NOT NULL PRIMARY KEY,
            number TEXT NOT NULL,
            queue_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            waited_ticks INTEGER NOT NULL,
            completed_at TEXT,
            outcome TEXT);
        CREATE INDEX callback_requests_pending ON callback_requests (requested_at, call_id) WHERE completed_at IS NULL;
        """,
        """
        ALTER TABLE callback_requests ADD COLUMN flag_reason TEXT;
        """,
        """
        ALTER TABLE departments ADD COLUMN kind TEXT NOT NULL DEFAULT 'municipal';
        ALTER TABLE departments ADD COLUMN parent_id TEXT;
        ALTER TABLE departments ADD COLUMN responsibilities TEXT NOT NULL DEFAULT '';
        ALTER TABLE departments ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE departments ADD COLUMN duty_phone TEXT;
        ALTER TABLE departments ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

        CREATE TABLE directory_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            subject TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT);
        CREATE INDEX directory_changes_subject ON directory_changes (subject_id, sequence);
        CREATE TRIGGER directory_changes_no_update BEFORE UPDATE ON directory_changes
            BEGIN SELECT RAISE(ABORT, 'directory history is append-only'); END;
        CREATE TRIGGER directory_changes_no_delete BEFORE DELETE ON directory_changes
            BEGIN SELECT RAISE(ABORT, 'directory history is append-only'); END;

        CREATE TABLE directory_lists (
            list TEXT NOT NULL,
            value TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (list, value));
        """
        + DirectorySeed.Lists,
        """
        CREATE TABLE health_probe (id INTEGER NOT NULL PRIMARY KEY, probed_at TEXT NOT NULL);
        INSERT INTO health_probe (id, probed_at) VALUES (1, '');
        """,
    """
        CREATE TABLE ticket_requests (
            caller TEXT NOT NULL,
            request_id TEXT NOT NULL,
            ticket_id TEXT NOT NULL,
            PRIMARY KEY (caller, request_id));
        """,
        """
        ALTER TABLE tokens ADD COLUMN expires_at TEXT;
        """,
        """
        ALTER TABLE tickets ADD COLUMN next_alarm_at TEXT;
        CREATE INDEX tickets_next_alarm ON tickets (next_alarm_at, id) WHERE next_alarm_at IS NOT NULL;
        CREATE TABLE scheduler_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            job_key TEXT NOT NULL,
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            before_at TEXT,
            after_at TEXT);
        CREATE INDEX scheduler_changes_job ON scheduler_changes (job_key, sequence);
        """,
        """
        CREATE TABLE staff (
            id TEXT NOT NULL PRIMARY KEY,
            role TEXT NOT NULL,
            department_id TEXT,
            password_hash TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        """,
        """
        CREATE TABLE report_daily (
            day TEXT NOT NULL,
            dimension TEXT NOT NULL,
            dim_key TEXT NOT NULL,
            calls_offered INTEGER NOT NULL,
            calls_answered INTEGER NOT NULL,
            calls_abandoned INTEGER NOT NULL,
            answered_in_15_seconds INTEGER NOT NULL,
            answered_in_service_level INTEGER NOT NULL,
            answer_wait_milliseconds INTEGER NOT NULL,
            talk_milliseconds INTEGER NOT NULL,
            tickets_created INTEGER NOT NULL,
            tickets_merged INTEGER NOT NULL,
            resolved_directly INTEGER NOT NULL,
            dispatched INTEGER NOT NULL,
            claims INTEGER NOT NULL,
            claims_on_time INTEGER NOT NULL,
            replies INTEGER NOT NULL,
            replies_on_time INTEGER NOT NULL,
            returns INTEGER NOT NULL,
            extensions INTEGER NOT NULL,
            closed INTEGER NOT NULL,
            callbacks_due INTEGER NOT NULL,
            callbacks_valid INTEGER NOT NULL,
            callbacks_satisfied INTEGER NOT NULL,
            PRIMARY KEY (dimension, day, dim_key));
        CREATE TABLE report_days (day TEXT NOT NULL PRIMARY KEY, filled_at TEXT NOT NULL);
        CREATE INDEX ticket_events_at ON ticket_events (at);
        """,
        """
        ALTER TABLE callback_requests ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE callback_requests ADD COLUMN next_attempt_at TEXT;
        ALTER TABLE callback_requests ADD COLUMN attempt_log TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX callback_requests_number ON callback_requests (number) WHERE completed_at IS NULL;
        """,
        """
        ALTER TABLE report_daily ADD COLUMN overdue_unreplied INTEGER NOT NULL DEFAULT 0;
        DELETE FROM report_daily;
        DELETE FROM report_days;
        """,
        """
        ALTER TABLE report_daily ADD COLUMN return_visits_unanswered INTEGER NOT NULL DEFAULT 0;
        DELETE FROM report_daily;
        DELETE FROM report_days;
        """,
        """
        ALTER TABLE tickets ADD COLUMN extension_pending INTEGER NOT NULL DEFAULT 0;
        UPDATE tickets SET extension_pending = 1 WHERE json_extract(state_json, '$.pending_extension') IS NOT NULL;
        CREATE INDEX tickets_extension_pending ON tickets (created_at, id) WHERE extension_pending = 1;
        """,
    ];
}
