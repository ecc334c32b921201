using Hotline.Telephony.B2bua;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Whom a consultation calls, resolved by the desk: a label for records and refusals, the id under which the
/// ACD holds a consulted agent (null for a department number), and how to dial it offering a local RTP port.
/// </summary>
internal sealed record ConsultTarget(string Label, string? AgentId, Func<int, OutboundLeg?> Dial);
