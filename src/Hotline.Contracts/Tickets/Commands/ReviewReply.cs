using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff review a REPLIED ticket: approve → AWAITING_CALLBACK; reject (reason required) → CLAIMED (重办).</summary>
public sealed record ReviewReply(Caller Caller, bool Approve, string? Reason);
