namespace Hotline.Silo.Storage.Sql;

/// <summary>A staff row as Dapper reads it; the column types differ by dialect, so they are converted afterwards.</summary>
internal sealed class StaffRow
{
    public string Id { get; set; } = "";

    public string Role { get; set; } = "";

    public string? DepartmentId { get; set; }

    public string PasswordHash { get; set; } = "";

    public object Enabled { get; set; } = false;

    public object FailedAttempts { get; set; } = 0;

    public object? LockedUntil { get; set; }

    public object CreatedAt { get; set; } = "";

    public object UpdatedAt { get; set; } = "";
}
