using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// A department is wound up and its successor takes over its open ticket as it stands (移交): the
/// successor replaces it as lead or assisting department, in any state short of CLOSED or MERGED.
/// Supervisors only; issued when a department is disabled with a successor named.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record TransferTicket([property: Id(0)] Caller Caller, [property: Id(1)] string FromDepartmentId, [property: Id(2)] string ToDepartmentId, [property: Id(3)] string Reason);
