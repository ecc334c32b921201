using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department returns (退单) a DISPATCHED or CLAIMED ticket within the return window → RETURNED.</summary>
public sealed record ReturnTicket(Caller Caller, string Reason);
