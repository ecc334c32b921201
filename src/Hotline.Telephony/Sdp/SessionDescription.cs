namespace Hotline.Telephony.Sdp;

/// <summary>An SDP session description (RFC 8866), limited to what a G.711 voice B2BUA needs.</summary>
public sealed record SessionDescription
{
    public required SdpOrigin Origin { get; init; }

    public string SessionName { get; init; } = "-";

    public SdpConnection? Connection { get; init; }

    public ulong StartTime { get; init; }

    public ulong StopTime { get; init; }

    /// <summary>Session-level direction; applies to media sections that carry none.</summary>
    public MediaDirection? Direction { get; init; }

    public IReadOnlyList<SdpAttribute> OtherAttributes { get; init; } = [];

    public required IReadOnlyList<MediaDescription> Media { get; init; }

    /// <summary>RFC 8866 §6.7: media direction falls back to the session's, then to sendrecv.</summary>
    public MediaDirection DirectionOf(MediaDescription media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;

    /// <summary>RFC 8866 §5.7: a media-level c= overrides the session-level one.</summary>
    public SdpConnection? ConnectionOf(MediaDescription media) => media.Connection ?? Connection;

    public override string ToString() => SdpWriter.Write(this);
}
