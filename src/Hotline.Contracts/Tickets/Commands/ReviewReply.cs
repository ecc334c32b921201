using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff review a REPLIED ticket: approve → AWAITING_CALLBACK; reject (reason required) → CLAIMED (重办).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ReviewReply([property: Id(0)] Caller Caller, [property: Id(1)] bool Approve, [property: Id(2)] string? Reason, [property: Id(3)] string? RequestId = null) : ITicketCommand;
