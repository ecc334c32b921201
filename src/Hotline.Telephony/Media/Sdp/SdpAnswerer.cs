using System.Globalization;
using System.Net;
using System.Text;

namespace Hotline.Telephony.Media.Sdp;

/// <summary>
/// Answers an audio offer per RFC 3264 §6: G.711 only (PCMA or PCMU, the offerer's first choice wins),
/// plus RFC 4733 telephone-event at 8 kHz when offered; other streams are declined with port 0.
/// </summary>
internal static class SdpAnswerer
{
    public static SdpPayload? ChooseCodec(SdpOffer offer) =>
        offer.AudioPayloads.FirstOrDefault(p => p.ClockRate == 8000 && (p.Encoding.Equals("PCMA", StringComparison.OrdinalIgnoreCase) || p.Encoding.Equals("PCMU", StringComparison.OrdinalIgnoreCase)));

    public static SdpPayload? ChooseTelephoneEvent(SdpOffer offer) =>
        offer.AudioPayloads.FirstOrDefault(p => p.ClockRate == 8000 && p.Encoding.Equals("telephone-event", StringComparison.OrdinalIgnoreCase));

    public static string Answer(SdpOffer offer, SdpPayload codec, SdpPayload? events, IPAddress address, int port, long sessionId)
    {
        var family = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var id = sessionId.ToString(CultureInfo.InvariantCulture);
        var types = events is null ? $"{codec.Type}" : $"{codec.Type} {events.Type}";
        var sdp = new StringBuilder()
            .Append("v=0\r\n")
            .Append("o=hotline ").Append(id).Append(' ').Append(id).Append(" IN ").Append(family).Append(' ').Append(address).Append("\r\n")
            .Append("s=hotline\r\n")
            .Append("c=IN ").Append(family).Append(' ').Append(address).Append("\r\n")
            .Append("t=0 0\r\n")
            .Append("m=audio ").Append(port).Append(" RTP/AVP ").Append(types).Append("\r\n")
            .Append("a=rtpmap:").Append(codec.Type).Append(' ').Append(codec.Encoding.ToUpperInvariant()).Append("/8000\r\n");
        if (events is not null)
        {
            sdp.Append("a=rtpmap:").Append(events.Type).Append(" telephone-event/8000\r\n")
                .Append("a=fmtp:").Append(events.Type).Append(" 0-15\r\n");
        }
        sdp.Append("a=ptime:20\r\na=sendrecv\r\n");
        // RFC 3264 §6: every offered m= line gets one in the answer; non-audio ones are refused with port 0.
        foreach (var media in offer.DeclinedMedia)
        {
            sdp.Append("m=").Append(media).Append("\r\n");
        }
        return sdp.ToString();
    }
}
