namespace Hotline.Telephony.B2bua;

internal enum OutboundLegState
{
    /// <summary>INVITE sent; no ringing yet.</summary>
    Calling,

    /// <summary>A 180/183 (or other 1xx above 100) arrived.</summary>
    Ringing,

    /// <summary>2xx received and ACKed with a usable answer.</summary>
    Connected,

    Ended,
}
