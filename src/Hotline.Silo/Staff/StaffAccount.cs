namespace Hotline.Silo.Staff;

/// <summary>A web console account as stored; <see cref="PasswordHash"/> is a <see cref="StaffPassword"/> hash, never the password.</summary>
/// <param name="DepartmentId">The liaison's department; null for the other roles.</param>
/// <param name="FailedAttempts">Wrong passwords since the last successful sign-in or lock-out.</param>
/// <param name="LockedUntil">Sign-in is refused until then, even with the right password.</param>
internal sealed record StaffAccount(
    string Id,
    ConsoleRole Role,
    string? DepartmentId,
    string PasswordHash,
    bool Enabled,
    int FailedAttempts,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
