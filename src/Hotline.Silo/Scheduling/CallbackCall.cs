using Hotline.Telephony.Acd;

namespace Hotline.Silo.Scheduling;

/// <summary>One claimed attempt of a callback request, for the dialer.</summary>
/// <param name="Reservation">Agent-first: the agent held for this call (see <see cref="Hotline.Telephony.Calls.IOutboundCalls.ReserveAgentAsync"/>).</param>
internal sealed record CallbackCall(CallbackRequest Request, int Attempt, string? Reservation = null);
