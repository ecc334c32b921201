using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff dispatch (派单) from CREATED or REOPENED to a lead department, optionally with assisting ones → DISPATCHED.</summary>
public sealed record DispatchTicket(Caller Caller, string LeadDepartmentId, IReadOnlyList<string> AssistingDepartmentIds, string? Instructions);
