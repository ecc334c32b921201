using System.Net;

namespace Hotline.Telephony.B2bua;

/// <summary>Where the called party receives RTP and what it agreed to: PCMU (0) or PCMA (8), and RFC 4733 events if any.</summary>
internal sealed record NegotiatedMedia(IPEndPoint RemoteRtp, byte PayloadType, byte? TelephoneEventPayloadType);
