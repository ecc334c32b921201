using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// Staff decide a RETURNED ticket. With <see cref="NewLeadDepartmentId"/> set: re-dispatch to that (other)
/// department → DISPATCHED. With it null or blank: reject the return (reason required) → DISPATCHED to the same department.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record DecideReturn([property: Id(0)] Caller Caller, [property: Id(1)] string? NewLeadDepartmentId, [property: Id(2)] IReadOnlyList<string> AssistingDepartmentIds, [property: Id(3)] string? Instructions, [property: Id(4)] string? Reason, [property: Id(5)] string? RequestId = null) : ITicketCommand;
