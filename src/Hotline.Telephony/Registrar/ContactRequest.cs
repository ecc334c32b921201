using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Registrar;

/// <summary>One Contact of a REGISTER with the expiry that applies to it (0 removes the binding).</summary>
internal sealed record ContactRequest(SipUri Uri, int ExpiresSeconds);
