using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>A supervisor approves (the handling deadline moves) or denies the pending extension request.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DecideExtension([property: Id(0)] Caller Caller, [property: Id(1)] bool Approve, [property: Id(2)] string? Reason, [property: Id(3)] string? RequestId = null) : ITicketCommand;
