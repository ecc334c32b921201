using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>An authenticated REGISTER reduced to what the binding table needs (RFC 3261 §10.3 steps 6-7).</summary>
internal sealed record RegistrationUpdate(
    string AgentId,
    string CallId,
    long CSeq,
    bool RemoveAll,
    IReadOnlyList<ContactRequest> Contacts,
    SipDestination ReachVia,
    bool OverTls = false);
