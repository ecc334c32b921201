namespace Hotline.Telephony.Acd;

/// <summary>Why an offer of a call to an agent ended; kept on the call detail record.</summary>
public enum OfferEndReason
{
    Answered,
    RingTimeout,
    Rejected,
    Unreachable,
    CallerAbandoned,
    AgentLoggedOut,
}
