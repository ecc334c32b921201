using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// Staff decide a RETURNED ticket. With <see cref="NewLeadDepartmentId"/> set: re-dispatch to that (other)
/// department → DISPATCHED. With it null or blank: reject the return (reason required) → DISPATCHED to the same department.
/// </summary>
public sealed record DecideReturn(Caller Caller, string? NewLeadDepartmentId, IReadOnlyList<string> AssistingDepartmentIds, string? Instructions, string? Reason);
