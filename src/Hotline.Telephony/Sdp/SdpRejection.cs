namespace Hotline.Telephony.Sdp;

/// <summary>An offer we cannot accept, answered 488 Not Acceptable Here (RFC 3261 §21.4.26).</summary>
public sealed record SdpRejection(SdpRejectionReason Reason, string Detail)
{
    public int SipStatusCode => 488;

    /// <summary>RFC 3261 §20.43 Warning code: 304 media type not available, 305 incompatible media format.</summary>
    public int WarningCode => Reason == SdpRejectionReason.NoAudioStream ? 304 : 305;
}
