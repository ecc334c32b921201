using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>A supervisor approves (the handling deadline moves) or denies the pending extension request.</summary>
public sealed record DecideExtension(Caller Caller, bool Approve, string? Reason);
