using Hotline.Silo.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Silo.Storage.Postgres;

/// <summary>
/// The writes of one batch, decided in memory against the locked versions: per ticket only the last
/// applied state is written (one row update per ticket), while every applied commit's events and
/// feed notices are appended in order.
/// </summary>
internal sealed class PostgresWritePlan
{
    private readonly List<TicketCommit> _inserts = [];
    private readonly List<(TicketCommit Last, long LockedVersion)> _updates = [];
    private readonly List<TicketCommit> _departmentChanges = [];
    private readonly List<TicketCommit> _applied = [];
    private int _updateCommandIndex = -1;

    private readonly List<string> _changedIds = [];

    private PostgresWritePlan(bool[] results) => Results = results;

    public bool[] Results { get; }

    public bool HasWrites => _applied.Count > 0;

    /// <param name="answered">Request keys of the batch already stored: their commits are not applied again.</param>
    public static PostgresWritePlan Decide(
        IReadOnlyList<TicketCommit> commits, IReadOnlyDictionary<string, (long Version, string Departments)> stored, IReadOnlySet<TicketRequestKey> answered)
    {
        var requests = new HashSet<TicketRequestKey>(answered);
        var plan = new PostgresWritePlan(new bool[commits.Count]);
        var current = stored.ToDictionary(s => s.Key, s => s.Value.Version, StringComparer.Ordinal);
        var last = new Dictionary<string, TicketCommit>(StringComparer.Ordinal);
        for (var i = 0; i < commits.Count; i++)
        {
            var commit = commits[i];
            var exists = current.TryGetValue(commit.TicketId, out var version);
            if (exists ? version != commit.ExpectedVersion || commit.ExpectedVersion == 0 : commit.ExpectedVersion != 0)
            {
                continue;
            }

            if (commit.Request is { } request && !requests.Add(request))
            {
                continue;
            }

            plan.Results[i] = true;
            plan._applied.Add(commit);
            current[commit.TicketId] = commit.NewVersion;
            last[commit.TicketId] = commit;
        }

        plan._changedIds.AddRange(last.Keys);

        foreach (var (ticketId, commit) in last)
        {
            if (stored.TryGetValue(ticketId, out var locked))
            {
                plan._updates.Add((commit, locked.Version));
                if (DepartmentList.Encode(commit.Index.DepartmentIds) != locked.Departments)
                {
                    plan._departmentChanges.Add(commit);
                }
            }
            else
            {
                plan._inserts.Add(commit);
                plan._departmentChanges.Add(commit);
            }
        }

        return plan;
    }

    /// <param name="commitSender">When set, the batch also announces the changed ticket ids on the commit channel.</param>
    public NpgsqlBatch ToBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, string? commitSender = null)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        if (_inserts.Count > 0)
        {
            batch.BatchCommands.Add(TicketRows(
                """
                INSERT INTO tickets (id, version, state_json, state, caller_phone, district, department_ids, created_at, updated_at, next_alarm_at, extension_pending)
                SELECT * FROM unnest(@id, @version, @state_json, @state, @caller_phone, @district, @department_ids, @created_at, @updated_at, @next_alarm_at, @extension_pending)
                """, _inserts, null));
        }

        if (_updates.Count > 0)
        {
            _updateCommandIndex = batch.BatchCommands.Count;
            batch.BatchCommands.Add(TicketRows(
                """
                UPDATE tickets t SET version = u.version, state_json = u.state_json, state = u.state, caller_phone = u.caller_phone,
                    district = u.district, department_ids = u.department_ids, created_at = u.created_at, updated_at = u.updated_at,
                    next_alarm_at = u.next_alarm_at, extension_pending = u.extension_pending
                FROM unnest(@id, @version, @state_json, @state, @caller_phone, @district, @department_ids, @created_at, @updated_at, @next_alarm_at, @extension_pending, @expected)
                    AS u(id, version, state_json, state, caller_phone, district, department_ids, created_at, updated_at, next_alarm_at, extension_pending, expected)
                WHERE t.id = u.id AND t.version = u.expected
                """, _updates.ConvertAll(u => u.Last), _updates.ConvertAll(u => u.LockedVersion)));
        }

        var insertedIds = _inserts.Select(c => c.TicketId).ToHashSet(StringComparer.Ordinal);
        var changedUpdates = _departmentChanges.Select(c => c.TicketId).Where(id => !insertedIds.Contains(id)).ToList();
        if (changedUpdates.Count > 0)
        {
            batch.BatchCommands.Add(Command("DELETE FROM ticket_departments WHERE ticket_id = ANY(@id)", Texts("id", changedUpdates)));
        }

        var departmentRows = _departmentChanges
            .SelectMany(c => c.Index.DepartmentIds.Distinct(StringComparer.Ordinal).Select(d => (c.TicketId, DepartmentId: d))).ToList();
        if (departmentRows.Count > 0)
        {
            batch.BatchCommands.Add(Command("INSERT INTO ticket_departments (ticket_id, department_id) SELECT * FROM unnest(@ticket_id, @department_id)",
                Texts("ticket_id", departmentRows.ConvertAll(r => r.TicketId)), Texts("department_id", departmentRows.ConvertAll(r => r.DepartmentId))));
        }

        var events = _applied.SelectMany(c => c.Events.Select(e => (c.TicketId, Event: e))).ToList();
        batch.BatchCommands.Add(Command(
            "INSERT INTO ticket_events (ticket_id, version, type, actor, at, data_json) SELECT * FROM unnest(@ticket_id, @version, @type, @actor, @at, @data_json)",
            Texts("ticket_id", events.ConvertAll(e => e.TicketId)),
            new NpgsqlParameter<long[]>("version", events.ConvertAll(e => e.Event.Version).ToArray()),
            Texts("type", events.ConvertAll(e => e.Event.Type)),
            Texts("actor", events.ConvertAll(e => e.Event.Actor)),
            Times("at", events.ConvertAll(e => e.Event.At)),
            Texts("data_json", events.ConvertAll(e => e.Event.DataJson))));

        var requests = _applied.Where(c => c.Request is not null).ToList();
        if (requests.Count > 0)
        {
            // A host that stored the same key meanwhile makes this a unique violation: the writer retries and then sees it.
            batch.BatchCommands.Add(Command(
                "INSERT INTO ticket_requests (caller, request_id, ticket_id) SELECT * FROM unnest(@caller, @request_id, @ticket_id)",
                Texts("caller", requests.ConvertAll(c => c.Request!.Caller)),
                Texts("request_id", requests.ConvertAll(c => c.Request!.RequestId)),
                Texts("ticket_id", requests.ConvertAll(c => c.TicketId))));
        }

        var changes = _applied.SelectMany(c => c.SchedulerChanges).ToList();
        if (changes.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO scheduler_changes (job_key, action, actor, at, reason, before_at, after_at)
                SELECT * FROM unnest(@job_key, @action, @actor, @at, @reason, @before_at, @after_at)
                """,
                Texts("job_key", changes.ConvertAll(c => c.JobKey)),
                Texts("action", changes.ConvertAll(c => c.Action)),
                Texts("actor", changes.ConvertAll(c => c.Actor)),
                Times("at", changes.ConvertAll(c => c.At)),
                Texts("reason", changes.ConvertAll(c => c.Reason)),
                Times("before_at", changes.ConvertAll(c => c.BeforeAt)),
                new NpgsqlParameter<DateTime?[]>("after_at", changes.ConvertAll(c => c.AfterAt?.UtcDateTime).ToArray())
                {
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
                }));
        }

        var feed = _applied.SelectMany(c => c.Feed.Select(n => (Commit: c, Notice: n))).ToList();
        if (feed.Count > 0)
        {
            batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(@key)", new NpgsqlParameter<long>("key", PostgresDialect.FeedLockKey)));
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO department_feed (department_id, ticket_id, kind, at, payload_json)
                SELECT department_id, ticket_id, kind, at, payload_json
                FROM unnest(@department_id, @ticket_id, @kind, @at, @payload_json) WITH ORDINALITY
                    AS f(department_id, ticket_id, kind, at, payload_json, position)
                ORDER BY position
                """,
                Texts("department_id", feed.ConvertAll(f => f.Notice.DepartmentId)),
                Texts("ticket_id", feed.ConvertAll(f => f.Commit.TicketId)),
                Texts("kind", feed.ConvertAll(f => f.Notice.Kind)),
                Times("at", feed.ConvertAll(f => f.Commit.Index.UpdatedAt)),
                Texts("payload_json", feed.ConvertAll(f => f.Notice.PayloadJson))));
        }

        if (commitSender is not null)
        {
            batch.BatchCommands.Add(Command(
                $"SELECT pg_notify('{PostgresDialect.CommitChannel}', payload) FROM unnest(@payload) AS payload",
                Texts("payload", CommitAnnouncement.Payloads(commitSender, _changedIds))));
        }

        return batch;
    }

    /// <summary>
    /// The rows were locked, so every update must have hit; anything else is a bug worth failing the batch for.
    /// Checked once the batch (COMMIT included, to save a round trip) has run: the batcher then retries each
    /// commit alone, whose version check refuses it, so no caller is told a success that did not happen.
    /// </summary>
    public void CheckUpdated(NpgsqlBatch batch)
    {
        if (_updateCommandIndex >= 0 && batch.BatchCommands[_updateCommandIndex].RecordsAffected != _updates.Count)
        {
            throw new InvalidOperationException("A locked ticket changed version inside the commit transaction.");
        }
    }

    private static NpgsqlBatchCommand TicketRows(string sql, List<TicketCommit> commits, List<long>? expected)
    {
        var command = Command(sql,
            Texts("id", commits.ConvertAll(c => c.TicketId)),
            new NpgsqlParameter<long[]>("version", commits.ConvertAll(c => c.NewVersion).ToArray()),
            Texts("state_json", commits.ConvertAll(c => c.StateJson)),
            Texts("state", commits.ConvertAll(c => c.Index.State)),
            Texts("caller_phone", commits.ConvertAll(c => c.Index.CallerPhone)),
            Texts("district", commits.ConvertAll(c => c.Index.District)),
            Texts("department_ids", commits.ConvertAll(c => DepartmentList.Encode(c.Index.DepartmentIds))),
            Times("created_at", commits.ConvertAll(c => c.Index.CreatedAt)),
            Times("updated_at", commits.ConvertAll(c => c.Index.UpdatedAt)),
            new NpgsqlParameter<DateTime?[]>("next_alarm_at", commits.ConvertAll(c => c.Index.NextAlarmAt?.UtcDateTime).ToArray())
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            },
            new NpgsqlParameter<bool[]>("extension_pending", commits.ConvertAll(c => c.Index.ExtensionPending).ToArray()));
        if (expected is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>("expected", expected.ToArray()));
        }

        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Texts(string name, List<string> values) =>
        new NpgsqlParameter<string[]>(name, values.ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Times(string name, List<DateTimeOffset> values) =>
        new NpgsqlParameter<DateTime[]>(name, values.ConvertAll(v => v.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
