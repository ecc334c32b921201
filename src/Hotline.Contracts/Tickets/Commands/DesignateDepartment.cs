using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// A supervisor designates (指定) the lead department from CREATED, RETURNED or REOPENED → DISPATCHED; the
/// only way on once a ticket needs designation. A designated department may not return the ticket.
/// </summary>
public sealed record DesignateDepartment(Caller Caller, string LeadDepartmentId, IReadOnlyList<string> AssistingDepartmentIds, string? Instructions);
