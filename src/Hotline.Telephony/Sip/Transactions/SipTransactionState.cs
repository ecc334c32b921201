namespace Hotline.Telephony.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 machines, with Accepted from RFC 6026 §7.</summary>
internal enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
