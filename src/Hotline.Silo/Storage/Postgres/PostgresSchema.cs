using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>
/// PostgreSQL schema: the SQLite schema's tables with native types (timestamptz holds UTC at
/// microsecond precision). JSON is kept as text, exactly as the grain wrote it. Ticket and agent-state
/// histories are append-only: triggers refuse UPDATE and DELETE. Migration 2 holds the telephony tables; migration 3 flags
/// callback requests whose number is not dialled automatically;
/// migration 4 the organisation directory (department fields, audited change history, districts and categories);
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
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE tickets (
            id text PRIMARY KEY,
            version bigint NOT NULL,
            state_json text NOT NULL,
            state text NOT NULL,
            caller_phone text NOT NULL,
            district text NOT NULL,
            department_ids text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE INDEX tickets_created ON tickets (created_at, id);
        CREATE INDEX tickets_state ON tickets (state, created_at, id);
        CREATE INDEX tickets_caller_phone ON tickets (caller_phone, created_at, id);
        CREATE INDEX tickets_district ON tickets (district, created_at, id);

        CREATE TABLE ticket_departments (
            ticket_id text NOT NULL,
            department_id text NOT NULL,
            PRIMARY KEY (ticket_id, department_id));
        CREATE INDEX ticket_departments_department ON ticket_departments (department_id, ticket_id);

        CREATE TABLE ticket_events (
            ticket_id text NOT NULL,
            version bigint NOT NULL,
            type text NOT NULL,
            actor text NOT NULL,
            at timestamptz NOT NULL,
            data_json text NOT NULL,
            PRIMARY KEY (ticket_id, version));
        CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'ticket history is append-only'; END $$;
        CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
            FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();

        CREATE TABLE department_feed (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            department_id text NOT NULL,
            ticket_id text NOT NULL,
            kind text NOT NULL,
            at timestamptz NOT NULL,
            payload_json text NOT NULL);
        CREATE INDEX department_feed_department ON department_feed (department_id, sequence);

        CREATE TABLE tokens (
            hash text PRIMARY KEY,
            kind text NOT NULL,
            id text NOT NULL,
            role text NOT NULL,
            issued_at timestamptz NOT NULL,
            revoked boolean NOT NULL DEFAULT false);

        CREATE TABLE departments (
            id text PRIMARY KEY,
            name text NOT NULL,
            handling_working_days integer NOT NULL);
        """,
        """
        CREATE TABLE agents (
            id text PRIMARY KEY,
            realm text NOT NULL,
            ha1_md5 text NOT NULL,
            ha1_sha256 text NOT NULL,
            skills text NOT NULL,
            enabled boolean NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);

        CREATE TABLE agent_state_changes (
            agent_id text NOT NULL,
            seq bigint NOT NULL,
            at timestamptz NOT NULL,
            from_state text NOT NULL,
            to_state text NOT NULL,
            reason text NOT NULL,
            call_id text,
            PRIMARY KEY (agent_id, seq));
        CREATE FUNCTION agent_state_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'agent state history is append-only'; END $$;
        CREATE TRIGGER agent_state_changes_append_only BEFORE UPDATE OR DELETE ON agent_state_changes
            FOR EACH ROW EXECUTE FUNCTION agent_state_changes_append_only();

        CREATE TABLE call_records (
            call_id text PRIMARY KEY,
            arrived_at timestamptz,
            disposition text NOT NULL,
            queue_id text,
            answered_by text,
            ended_at timestamptz,
            record_json text NOT NULL);
        CREATE INDEX call_records_arrived ON call_records (arrived_at, call_id);

        CREATE TABLE callback_requests (
            call_id text PRIMARY KEY,
            number text NOT NULL,
            queue_id text NOT NULL,
            kind text NOT NULL,
            requested_at timestamptz NOT NULL,
            waited_ticks bigint NOT NULL,
            completed_at timestamptz,
            outcome text);
        CREATE INDEX callback_requests_pending ON callback_requests (requested_at, call_id) WHERE completed_at IS NULL;
        """,
        """
        ALTER TABLE callback_requests ADD COLUMN flag_reason text;
        """,
        """
        ALTER TABLE departments ADD COLUMN kind text NOT NULL DEFAULT 'municipal';
        ALTER TABLE departments ADD COLUMN parent_id text;
        ALTER TABLE departments ADD COLUMN responsibilities text NOT NULL DEFAULT '';
        ALTER TABLE departments ADD COLUMN keywords text NOT NULL DEFAULT '[]';
        ALTER TABLE departments ADD COLUMN duty_phone text;
        ALTER TABLE departments ADD COLUMN active boolean NOT NULL DEFAULT true;

        CREATE TABLE directory_changes (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subject text NOT NULL,
            subject_id text NOT NULL,
            action text NOT NULL,
            actor text NOT NULL,
            at timestamptz NOT NULL,
            reason text NOT NULL,
            before_json text,
            after_json text);
        CREATE INDEX directory_changes_subject ON directory_changes (subject_id, sequence);
        CREATE FUNCTION directory_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'directory history is append-only'; END $$;
        CREATE TRIGGER directory_changes_append_only BEFORE UPDATE OR DELETE ON directory_changes
            FOR EACH ROW EXECUTE FUNCTION directory_changes_append_only();

        CREATE TABLE directory_lists (
            list text NOT NULL,
            value text NOT NULL,
            position integer NOT NULL,
            PRIMARY KEY (list, value));
        """
        + DirectorySeed.Lists,
        """
        CREATE TABLE health_probe (id INTEGER NOT NULL PRIMARY KEY, probed_at text NOT NULL);
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
        ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
        """,
        """
        ALTER TABLE tickets ADD COLUMN next_alarm_at timestamptz;
        CREATE INDEX tickets_next_alarm ON tickets (next_alarm_at, id) WHERE next_alarm_at IS NOT NULL;
        CREATE TABLE scheduler_changes (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            job_key TEXT NOT NULL,
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            at timestamptz NOT NULL,
            reason TEXT NOT NULL,
            before_at timestamptz,
            after_at timestamptz);
        CREATE INDEX scheduler_changes_job ON scheduler_changes (job_key, sequence);
        """,
        """
        CREATE TABLE staff (
            id text PRIMARY KEY,
            role text NOT NULL,
            department_id text,
            password_hash text NOT NULL,
            enabled boolean NOT NULL,
            failed_attempts integer NOT NULL DEFAULT 0,
            locked_until timestamptz,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        """,
        """
        CREATE TABLE report_daily (
            day text NOT NULL,
            dimension text NOT NULL,
            dim_key text NOT NULL,
            calls_offered bigint NOT NULL,
            calls_answered bigint NOT NULL,
            calls_abandoned bigint NOT NULL,
            answered_in_15_seconds bigint NOT NULL,
            answered_in_service_level bigint NOT NULL,
            answer_wait_milliseconds bigint NOT NULL,
            talk_milliseconds bigint NOT NULL,
            tickets_created bigint NOT NULL,
            tickets_merged bigint NOT NULL,
            resolved_directly bigint NOT NULL,
            dispatched bigint NOT NULL,
            claims bigint NOT NULL,
            claims_on_time bigint NOT NULL,
            replies bigint NOT NULL,
            replies_on_time bigint NOT NULL,
            returns bigint NOT NULL,
            extensions bigint NOT NULL,
            closed bigint NOT NULL,
            callbacks_due bigint NOT NULL,
            callbacks_valid bigint NOT NULL,
            callbacks_satisfied bigint NOT NULL,
            PRIMARY KEY (dimension, day, dim_key));
        CREATE TABLE report_days (day text NOT NULL PRIMARY KEY, filled_at text NOT NULL);
        CREATE INDEX ticket_events_at ON ticket_events (at);
        """,
        """
        ALTER TABLE callback_requests ADD COLUMN attempts integer NOT NULL DEFAULT 0;
        ALTER TABLE callback_requests ADD COLUMN next_attempt_at timestamptz;
        ALTER TABLE callback_requests ADD COLUMN attempt_log text NOT NULL DEFAULT '[]';
        CREATE INDEX callback_requests_number ON callback_requests (number) WHERE completed_at IS NULL;
        """,
        """
        ALTER TABLE report_daily ADD COLUMN overdue_unreplied bigint NOT NULL DEFAULT 0;
        DELETE FROM report_daily;
        DELETE FROM report_days;
        """,
        """
        ALTER TABLE report_daily ADD COLUMN return_visits_unanswered bigint NOT NULL DEFAULT 0;
        DELETE FROM report_daily;
        DELETE FROM report_days;
        """,
        """
        ALTER TABLE tickets ADD COLUMN extension_pending boolean NOT NULL DEFAULT false;
        UPDATE tickets SET extension_pending = true WHERE (state_json::jsonb ->> 'pending_extension') IS NOT NULL;
        CREATE INDEX tickets_extension_pending ON tickets (created_at, id) WHERE extension_pending;
        """,
    ];
}
