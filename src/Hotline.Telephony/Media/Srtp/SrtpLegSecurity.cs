namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// The transforms of one SRTP leg: <see cref="Protect"/> and <see cref="ProtectRtcp"/> for what we send,
/// <see cref="Unprotect"/> and <see cref="UnprotectRtcp"/> for what the peer sends (RFC 3711: SRTP and SRTCP
/// keys both derive from each side's master key).
/// </summary>
internal sealed class SrtpLegSecurity(SrtpKeys keys, SrtpTransform protect, SrtpTransform unprotect, SrtcpTransform protectRtcp, SrtcpTransform unprotectRtcp)
{
    public SrtpKeys Keys { get; } = keys;

    public SrtpTransform Protect { get; } = protect;

    public SrtpTransform Unprotect { get; } = unprotect;

    public SrtcpTransform ProtectRtcp { get; } = protectRtcp;

    public SrtcpTransform UnprotectRtcp { get; } = unprotectRtcp;

    /// <summary>Transforms for <paramref name="keys"/>, reusing those of <paramref name="previous"/> whose key is the same.</summary>
    public static SrtpLegSecurity From(SrtpKeys keys, SrtpLegSecurity? previous)
    {
        var sameSending = previous is not null && previous.Keys.Sending.SameAs(keys.Sending);
        var sameReceiving = previous is not null && previous.Keys.Receiving.SameAs(keys.Receiving);
        return new SrtpLegSecurity(
            keys,
            sameSending ? previous!.Protect : new SrtpTransform(keys.Sending),
            sameReceiving ? previous!.Unprotect : new SrtpTransform(keys.Receiving),
            sameSending ? previous!.ProtectRtcp : new SrtcpTransform(keys.Sending),
            sameReceiving ? previous!.UnprotectRtcp : new SrtcpTransform(keys.Receiving));
    }
}
