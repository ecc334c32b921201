using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>An agent answers on the spot (直接办结) from CREATED → AWAITING_CALLBACK, or CLOSED for categories needing no callback.</summary>
public sealed record ResolveDirectly(Caller Caller, string Answer);
