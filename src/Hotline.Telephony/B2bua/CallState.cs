namespace Hotline.Telephony.B2bua;

internal enum CallState
{
    /// <summary>2xx sent; waiting for the caller's ACK while the 2xx is retransmitted (RFC 3261 §13.3.1.4).</summary>
    Answered,

    /// <summary>ACK received: the session is up.</summary>
    Confirmed,

    Ended,
}
