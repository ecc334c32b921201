using System.Globalization;
using Dapper;
using Hotline.Silo.Staff;

namespace Hotline.Silo.Storage.Sql;

/// <summary><see cref="IStaffStore"/> on the staff table (both dialects).</summary>
internal sealed class SqlStaffStore(SqlDialect dialect, TimeProvider timeProvider) : IStaffStore
{
    private const string Columns = """
        id AS Id, role AS Role, department_id AS DepartmentId, password_hash AS PasswordHash, enabled AS Enabled,
        failed_attempts AS FailedAttempts, locked_until AS LockedUntil, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<bool> AddAsync(string id, ConsoleRole role, string? departmentId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff (id, role, department_id, password_hash, enabled, failed_attempts, locked_until, created_at, updated_at)
            VALUES (@id, @role, @departmentId, @passwordHash, @enabled, 0, NULL, @now, @now) ON CONFLICT (id) DO NOTHING
            """,
            new { id, role = StaffRules.RoleName(role), departmentId, passwordHash, enabled = true, now = Now() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<StaffAccount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(
            $"SELECT {Columns} FROM staff WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StaffRow>(new CommandDefinition(
            $"SELECT {Columns} FROM staff ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToAccount).ToList();
    }

    public Task<bool> SetPasswordAsync(string id, string passwordHash, CancellationToken cancellationToken) => UpdateAsync(
        "password_hash = @passwordHash, failed_attempts = 0, locked_until = NULL", new { id, passwordHash, now = Now() }, cancellationToken);

    public Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken) =>
        UpdateAsync("enabled = @enabled", new { id, enabled, now = Now() }, cancellationToken);

    public Task RecordFailureAsync(string id, DateTimeOffset lockUntil, CancellationToken cancellationToken) => UpdateAsync(
        // One statement, so failures from several hosts at once are all counted.
        """
        failed_attempts = CASE WHEN failed_attempts + 1 >= @max THEN 0 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN failed_attempts + 1 >= @max THEN @lockUntil ELSE locked_until END
        """,
        new { id, max = StaffRules.MaxFailedAttempts, lockUntil = dialect.ToDb(lockUntil), now = Now() },
        cancellationToken);

    public Task RecordSuccessAsync(string id, CancellationToken cancellationToken) =>
        UpdateAsync("failed_attempts = 0, locked_until = NULL", new { id, now = Now() }, cancellationToken);

    private async Task<bool> UpdateAsync(string assignments, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE staff SET {assignments}, updated_at = @now WHERE id = @id", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private object Now() => dialect.ToDb(timeProvider.GetUtcNow());

    private StaffAccount ToAccount(StaffRow row) => new(
        row.Id,
        StaffRules.ParseRole(row.Role) ?? throw new InvalidDataException($"staff '{row.Id}' has an unknown role '{row.Role}'"),
        row.DepartmentId,
        row.PasswordHash,
        Convert.ToBoolean(row.Enabled, CultureInfo.InvariantCulture),
        Convert.ToInt32(row.FailedAttempts, CultureInfo.InvariantCulture),
        row.LockedUntil is null ? null : dialect.FromDb(row.LockedUntil),
        dialect.FromDb(row.CreatedAt),
        dialect.FromDb(row.UpdatedAt));
}
