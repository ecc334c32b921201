using Hotline.Silo.Staff;

namespace Hotline.Silo.Storage;

/// <summary>The web console's staff accounts (the staff table).</summary>
internal interface IStaffStore
{
    /// <summary>Adds the account; false when the id is taken.</summary>
    Task<bool> AddAsync(string id, ConsoleRole role, string? departmentId, string passwordHash, CancellationToken cancellationToken);

    Task<StaffAccount?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A new password hash; also clears failures and any lock-out. False when no such account exists.</summary>
    Task<bool> SetPasswordAsync(string id, string passwordHash, CancellationToken cancellationToken);

    /// <summary>False when no such account exists.</summary>
    Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one wrong password in the database (so every host and a restart see it); at
    /// <see cref="StaffRules.MaxFailedAttempts"/> the account is locked until <paramref name="lockUntil"/> and the count restarts.
    /// </summary>
    Task RecordFailureAsync(string id, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    /// <summary>A successful sign-in: the failure count restarts.</summary>
    Task RecordSuccessAsync(string id, CancellationToken cancellationToken);
}
