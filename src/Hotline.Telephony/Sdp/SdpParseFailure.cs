namespace Hotline.Telephony.Sdp;

/// <summary>A rejected SDP body: the reason and the 1-based line it was found on (0 when not line-specific).</summary>
public sealed record SdpParseFailure(SdpParseError Reason, int Line)
{
    /// <summary>A body we cannot read is a bad request, not an unacceptable offer (that is 488).</summary>
    public int SipStatusCode => 400;

    public override string ToString() => Line > 0 ? $"SDP {Reason} at line {Line}" : $"SDP {Reason}";
}
