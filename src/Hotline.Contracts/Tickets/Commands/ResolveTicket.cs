using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department replies (办结回复) to a CLAIMED ticket → REPLIED.</summary>
public sealed record ResolveTicket(Caller Caller, string Reply);
