namespace Hotline.Contracts.Security;

/// <summary>The authenticated caller of an API: a staff member with a role, or a department.</summary>
/// <param name="Kind">Staff or department.</param>
/// <param name="Id">The staff id or the department id.</param>
/// <param name="Role">The staff role; <see cref="StaffRole.None"/> for departments.</param>
public sealed record Caller(CallerKind Kind, string Id, StaffRole Role);
