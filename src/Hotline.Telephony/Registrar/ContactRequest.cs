using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// One Contact of a REGISTER with the expiry that applies to it (0 removes the binding), and where requests
/// to it are sent (<see cref="ContactRouting"/>); null means the REGISTER's flow.
/// </summary>
internal sealed record ContactRequest(SipUri Uri, int ExpiresSeconds, SipDestination? ReachVia = null);
