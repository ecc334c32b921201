namespace Hotline.Telephony.Media.Sdp;

/// <summary>An RTP payload type offered in an m= line with its rtpmap encoding (RFC 4566 §6, RFC 3551 static types).</summary>
internal sealed record SdpPayload(int Type, string Encoding, int ClockRate, string? Format);
