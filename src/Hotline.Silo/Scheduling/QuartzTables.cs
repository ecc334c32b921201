using System.Text;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// The tables Quartz.NET 4.7's ADO.NET job store reads and writes (prefix qrtz_), described once as data and
/// rendered for SQLite or PostgreSQL, so the host creates them itself (idempotently, at every start)
/// instead of asking an operator to run a script. Column names are the store's contract; types follow
/// the store's use: times are ticks (bigint), flags booleans, maps binary.
/// </summary>
internal static class QuartzTables
{
    public const string Prefix = "qrtz_";

    private const string Key = "sched_name text!";
    private const string TriggerKey = Key + ", trigger_name text!, trigger_group text!";
    private const string JobKey = Key + ", job_name text!, job_group text!";
    private const string Paused = "pause_reason text, paused_by text, paused_at bigint";

    // name: columns ("name type" with ! for NOT NULL and =value for a default); primary key; parent table of the trigger key (cascade).
    private static readonly (string Name, string Columns, string PrimaryKey, bool OwnedByTrigger)[] Tables =
    [
        ("job_details", JobKey + ", description text, job_class_name text!, is_durable bool!, is_nonconcurrent bool!, is_update_data bool!, requests_recovery bool!, job_data bytes",
            "sched_name, job_name, job_group", false),
        ("triggers", TriggerKey + ", job_name text!, job_group text!, description text, next_fire_time bigint, prev_fire_time bigint, priority int, trigger_state text!, "
            + "trigger_type text!, start_time bigint!, end_time bigint, calendar_name text, misfire_instr smallint, misfire_orig_fire_time bigint, execution_group text, "
            + "preferred_node text, preferred_node_auto bool!=false, retry_policy text, retry_attempt int, continues_trigger_name text, continues_trigger_group text, "
            + "continuation_condition int, overlap_policy int, " + Paused + ", misfire_threshold bigint, fixed_delay bool, job_data bytes",
            "sched_name, trigger_name, trigger_group", false),
        ("simple_triggers", TriggerKey + ", repeat_count bigint!, repeat_interval bigint!, times_triggered bigint!", "sched_name, trigger_name, trigger_group", true),
        ("cron_triggers", TriggerKey + ", cron_expression text!, time_zone_id text", "sched_name, trigger_name, trigger_group", true),
        ("simprop_triggers", TriggerKey + ", str_prop_1 text, str_prop_2 text, str_prop_3 text, int_prop_1 int, int_prop_2 int, long_prop_1 bigint, long_prop_2 bigint, "
            + "dec_prop_1 numeric, dec_prop_2 numeric, bool_prop_1 bool, bool_prop_2 bool, time_zone_id text", "sched_name, trigger_name, trigger_group", true),
        ("blob_triggers", TriggerKey + ", blob_data bytes", "sched_name, trigger_name, trigger_group", true),
        ("calendars", Key + ", calendar_name text!, calendar bytes!", "sched_name, calendar_name", false),
        ("paused_trigger_grps", Key + ", trigger_group text!, " + Paused, "sched_name, trigger_group", false),
        ("paused_job_grps", Key + ", job_group text!, " + Paused, "sched_name, job_group", false),
        ("fired_triggers", Key + ", entry_id text!, trigger_name text!, trigger_group text!, instance_name text!, fired_time bigint!, sched_time bigint!, priority int!, "
            + "state text!, job_name text, job_group text, is_nonconcurrent bool!, requests_recovery bool, execution_group text, progress int, progress_message text, "
            + "interrupt_requested_time bigint", "sched_name, entry_id", false),
        ("scheduler_state", Key + ", instance_name text!, last_checkin_time bigint!, checkin_interval bigint!, quartz_version text", "sched_name, instance_name", false),
        ("locks", Key + ", lock_name text!", "sched_name, lock_name", false),
        ("execution_history", Key + ", entry_id text!, instance_name text!, job_name text!, job_group text!, trigger_name text!, trigger_group text!, fired_time bigint!, "
            + "run_time bigint!, succeeded bool!, error_message text, retry_attempt int!=0, retry_scheduled bool!=false, execution_log text, result int, summary text, "
            + "metrics text, manual bool, fire_instance_id text, job_input text, job_input_too_large bool", "sched_name, entry_id", false),
        ("misfire_history", Key + ", entry_id text!, instance_name text!, trigger_name text!, trigger_group text!, job_name text, job_group text, misfire_time bigint!, "
            + "sched_time bigint, reason int", "sched_name, entry_id", false),
        ("job_status", Key + ", job_group text!, job_name text!, first_fired_time bigint!, last_fired_time bigint!, last_result int!, last_run_time bigint!, "
            + "last_instance_name text!, last_entry_id text, last_summary text, last_success_time bigint, last_failure_time bigint, last_failure_message text, "
            + "consecutive_failures int!=0, run_count bigint!=0, failure_count bigint!=0", "sched_name, job_group, job_name", false),
    ];

    // The store's hot queries: due triggers by state and time, a job's triggers, fired triggers by instance (recovery).
    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("t_next", "triggers", "sched_name, trigger_state, next_fire_time, priority"),
        ("t_job", "triggers", "sched_name, job_name, job_group"),
        ("t_group", "triggers", "sched_name, trigger_group, trigger_name"),
        ("ft_instance", "fired_triggers", "sched_name, instance_name, requests_recovery"),
        ("ft_job", "fired_triggers", "sched_name, job_name, job_group"),
        ("ft_trigger", "fired_triggers", "sched_name, trigger_name, trigger_group"),
        ("eh_time", "execution_history", "sched_name, fired_time"),
        ("mh_time", "misfire_history", "sched_name, misfire_time"),
    ];

    /// <summary>CREATE … IF NOT EXISTS statements for every table and index, one per element.</summary>
    public static IReadOnlyList<string> Statements(bool postgres)
    {
        var statements = new List<string>();
        foreach (var (name, columns, primaryKey, ownedByTrigger) in Tables)
        {
            var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS {Prefix}{name} (");
            foreach (var column in columns.Split(", "))
            {
                sql.Append(Column(column, postgres)).Append(", ");
            }

            sql.Append($"PRIMARY KEY ({primaryKey})");
            if (name == "triggers")
            {
                sql.Append($", FOREIGN KEY (sched_name, job_name, job_group) REFERENCES {Prefix}job_details (sched_name, job_name, job_group)");
            }
            else if (ownedByTrigger)
            {
                sql.Append($", FOREIGN KEY ({primaryKey}) REFERENCES {Prefix}triggers ({primaryKey}) ON DELETE CASCADE");
            }

            statements.Add(sql.Append(')').ToString());
        }

        statements.AddRange(Indexes.Select(i => $"CREATE INDEX IF NOT EXISTS {Prefix}{i.Name} ON {Prefix}{i.Table} ({i.Columns})"));
        return statements;
    }

    private static string Column(string spec, bool postgres)
    {
        var parts = spec.Split(' ', 2);
        var type = parts[1];
        string? defaultValue = null;
        if (type.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0)
        {
            defaultValue = type[(eq + 1)..];
            type = type[..eq];
        }

        var notNull = type.EndsWith('!');
        type = type.TrimEnd('!');
        var sqlType = (type, postgres) switch
        {
            ("bytes", true) => "bytea",
            ("bytes", false) => "BLOB",
            ("bool", true) => "boolean",
            ("bool", false) => "BOOLEAN",
            ("int", _) => "integer",
            _ => type,
        };
        if (defaultValue is not null && !postgres && type == "bool")
        {
            defaultValue = defaultValue == "true" ? "1" : "0";
        }

        return $"{parts[0]} {sqlType}{(notNull ? " NOT NULL" : "")}{(defaultValue is null ? "" : " DEFAULT " + defaultValue)}";
    }
}
