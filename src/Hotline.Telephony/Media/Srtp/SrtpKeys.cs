namespace Hotline.Telephony.Media.Srtp;

/// <summary>
/// One leg's SDES keys (RFC 4568 §6.1): each side sends with the key it put in its own a=crypto, so we
/// encrypt with ours and decrypt with the peer's.
/// </summary>
public sealed record SrtpKeys(SrtpMasterKey Sending, SrtpMasterKey Receiving);
