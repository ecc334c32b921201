using System.Data.Common;
using Dapper;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Organisation;

namespace Hotline.Silo.Storage.Sql;

/// <summary><see cref="IDirectoryStore"/> on the departments, directory_lists and directory_changes tables.</summary>
internal sealed class SqlDirectoryStore(SqlDialect dialect, TimeProvider time) : IDirectoryStore
{
    private const string Columns =
        "id, name, kind, parent_id AS ParentId, responsibilities, keywords, handling_working_days AS HandleWorkingDays, duty_phone AS DutyPhone, "
        + "CASE WHEN active THEN 1 ELSE 0 END AS Active";

    private static readonly string[] Finished = [TicketStateNames.Wire(TicketState.Closed), TicketStateNames.Wire(TicketState.Merged)];

    public async Task<IReadOnlyList<DirectoryDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DepartmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM departments ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDepartment()).ToList();
    }

    public async Task<DirectoryDepartment?> FindDepartmentAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(int Added, int Updated)> SaveDepartmentsAsync(IReadOnlyList<DirectoryDepartment> departments, string action, ChangeContext context,
        CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (added, updated) = (0, 0);
        foreach (var department in departments)
        {
            var before = await FindAsync(connection, transaction, department.Id, cancellationToken).ConfigureAwait(false);
            if (before is not null && before.SameAs(department))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO departments (id, name, kind, parent_id, responsibilities, keywords, handling_working_days, duty_phone, active)
                VALUES (@Id, @Name, @Kind, @ParentId, @Responsibilities, @Keywords, @HandleWorkingDays, @DutyPhone, @Active)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id,
                    responsibilities = excluded.responsibilities, keywords = excluded.keywords,
                    handling_working_days = excluded.handling_working_days, duty_phone = excluded.duty_phone, active = excluded.active
                """,
                new
                {
                    department.Id, department.Name, department.Kind, department.ParentId, department.Responsibilities,
                    Keywords = DirectoryJson.Keywords(department.Keywords), department.HandleWorkingDays, department.DutyPhone, department.Active,
                },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await RecordAsync(connection, transaction, "department", department.Id, before is null ? "add" : action, context,
                before is null ? null : DirectoryJson.Snapshot(before), DirectoryJson.Snapshot(department), cancellationToken).ConfigureAwait(false);
            if (before is null)
            {
                added++;
            }
            else
            {
                updated++;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (added, updated);
    }

    public async Task<IReadOnlyList<string>> ListValuesAsync(string list, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT value FROM directory_lists WHERE list = @list ORDER BY position, value", new { list }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return values.ToList();
    }

    public async Task<bool> AddValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_lists (list, value, position)
            SELECT @list, @value, COALESCE(MAX(position), 0) + 1 FROM directory_lists WHERE list = @list
            ON CONFLICT (list, value) DO NOTHING
            """, new { list, value }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted > 0)
        {
            await RecordAsync(connection, transaction, list, value, "add", context, null, DirectoryJson.Snapshot(value), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted > 0;
    }

    public async Task<bool> RemoveValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM directory_lists WHERE list = @list AND value = @value", new { list, value }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (removed > 0)
        {
            await RecordAsync(connection, transaction, list, value, "remove", context, DirectoryJson.Snapshot(value), null, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public async Task<IReadOnlyList<DirectoryChange>> HistoryAsync(string? subjectId, int limit, long beforeSequence, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            """
            SELECT sequence, subject, subject_id AS SubjectId, action, actor, at, reason, before_json AS BeforeJson, after_json AS AfterJson
            FROM directory_changes WHERE (@subjectId IS NULL OR subject_id = @subjectId) AND sequence < @beforeSequence ORDER BY sequence DESC LIMIT @limit
            """, new { subjectId, limit, beforeSequence }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DirectoryChange(r.Sequence, r.Subject, r.SubjectId, r.Action, r.Actor, dialect.FromDb(r.At), r.Reason, r.BeforeJson, r.AfterJson))
            .ToList();
    }

    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(sequence) FROM directory_changes", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
    }

    public async Task<IReadOnlyList<string>> OpenTicketIdsAsync(string departmentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT t.id FROM ticket_departments d JOIN tickets t ON t.id = d.ticket_id
            WHERE d.department_id = @departmentId AND NOT ({dialect.InList("t.state", "finished")}) ORDER BY t.id
            """, new { departmentId, finished = Finished }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToList();
    }

    private static async Task<DirectoryDepartment?> FindAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<DepartmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM departments WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDepartment();
    }

    private async Task RecordAsync(DbConnection connection, DbTransaction transaction, string subject, string subjectId, string action, ChangeContext context,
        string? before, string? after, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO directory_changes (subject, subject_id, action, actor, at, reason, before_json, after_json)
            VALUES (@subject, @subjectId, @action, @actor, @at, @reason, @before, @after)
            """,
            new { subject, subjectId, action, actor = context.Actor, at = dialect.ToDb(time.GetUtcNow()), reason = context.Reason, before, after },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private sealed class DepartmentRow
    {
        public string Id { get; init; } = "";

        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public string? ParentId { get; init; }

        public string Responsibilities { get; init; } = "";

        public string Keywords { get; init; } = "[]";

        public int HandleWorkingDays { get; init; }

        public string? DutyPhone { get; init; }

        public int Active { get; init; }

        public DirectoryDepartment ToDepartment() =>
            new(Id, Name, Kind, ParentId, Responsibilities, DirectoryJson.Keywords(Keywords), HandleWorkingDays, DutyPhone, Active != 0);
    }

    private sealed class ChangeRow
    {
        public long Sequence { get; init; }

        public string Subject { get; init; } = "";

        public string SubjectId { get; init; } = "";

        public string Action { get; init; } = "";

        public string Actor { get; init; } = "";

        public object At { get; init; } = "";

        public string Reason { get; init; } = "";

        public string? BeforeJson { get; init; }

        public string? AfterJson { get; init; }
    }
}
