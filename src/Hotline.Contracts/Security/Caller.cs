namespace Hotline.Contracts.Security;

/// <summary>The authenticated caller of an API: a staff member with a role, or a department.</summary>
/// <param name="Kind">Staff or department.</param>
/// <param name="Id">The staff id or the department id.</param>
/// <param name="Role">The staff role; <see cref="StaffRole.None"/> for departments.</param>
[GenerateSerializer]
[Immutable]
public sealed record Caller([property: Id(0)] CallerKind Kind, [property: Id(1)] string Id, [property: Id(2)] StaffRole Role);
