using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// A supervisor designates (指定) the lead department from CREATED, RETURNED or REOPENED → DISPATCHED; the
/// only way on once a ticket needs designation. A designated department may not return the ticket.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record DesignateDepartment([property: Id(0)] Caller Caller, [property: Id(1)] string LeadDepartmentId, [property: Id(2)] IReadOnlyList<string> AssistingDepartmentIds, [property: Id(3)] string? Instructions, [property: Id(4)] string? RequestId = null) : ITicketCommand;
