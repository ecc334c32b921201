using Dapper;
using Hotline.Contracts.Organisation;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// <see cref="IOrganisationStore"/> on the departments table. As an <see cref="IDepartmentDirectory"/> it
/// lists the departments tickets can be dispatched to: a disabled department is left out, so the ticket
/// rules refuse new dispatches to it (the directory's own view is <see cref="IDirectoryStore"/>).
/// </summary>
internal sealed class SqlOrganisationStore(SqlDialect dialect) : IOrganisationStore
{
    public async Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Name, int Days)>(new CommandDefinition(
            "SELECT id, name, handling_working_days FROM departments WHERE active ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new Department(r.Id, r.Name, r.Days)).ToList();
    }

    public async Task<Department?> FindAsync(string departmentId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Name, int Days)?>(new CommandDefinition(
            "SELECT id, name, handling_working_days FROM departments WHERE id = @departmentId AND active", new { departmentId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new Department(r.Id, r.Name, r.Days) : null;
    }

    public async Task UpsertDepartmentAsync(Department department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(department.Id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(department.HandlingWorkingDays);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO departments (id, name, handling_working_days) VALUES (@Id, @Name, @HandlingWorkingDays)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, handling_working_days = excluded.handling_working_days
            """, department, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var any = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT id FROM departments LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return any is null;
    }
}
