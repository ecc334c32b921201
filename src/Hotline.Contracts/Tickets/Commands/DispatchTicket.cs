using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff dispatch (派单) from CREATED or REOPENED to a lead department, optionally with assisting ones → DISPATCHED.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DispatchTicket([property: Id(0)] Caller Caller, [property: Id(1)] string LeadDepartmentId, [property: Id(2)] IReadOnlyList<string> AssistingDepartmentIds, [property: Id(3)] string? Instructions, [property: Id(4)] string? RequestId = null) : ITicketCommand;
