namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// A send failed at the transport (connection refused or closed, socket error). Kept apart from
/// transaction faults: RFC 3261 §17.1.4 has the transaction report it to the TU as a transport error.
/// </summary>
internal sealed class SipTransportException : Exception
{
    public SipTransportException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
