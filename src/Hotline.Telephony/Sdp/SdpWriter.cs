using System.Globalization;
using System.Text;

namespace Hotline.Telephony.Sdp;

/// <summary>Writes SDP in the RFC 8866 §5 field order with CRLF line ends.</summary>
public static class SdpWriter
{
    public static string Write(SessionDescription sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        var text = new StringBuilder(256);
        SdpOrigin o = sdp.Origin;
        Line(text, 'v', "0");
        Line(text, 'o', $"{o.Username} {o.SessionId} {o.SessionVersion.ToString(CultureInfo.InvariantCulture)} IN {o.AddressType} {o.Address}");
        Line(text, 's', sdp.SessionName);
        if (sdp.Connection is { } c)
        {
            Line(text, 'c', $"IN {c.AddressType} {c.Address}");
        }

        Line(text, 't', $"{sdp.StartTime.ToString(CultureInfo.InvariantCulture)} {sdp.StopTime.ToString(CultureInfo.InvariantCulture)}");
        if (sdp.Direction is { } sessionDirection)
        {
            Line(text, 'a', DirectionName(sessionDirection));
        }

        Attributes(text, sdp.OtherAttributes);
        foreach (MediaDescription m in sdp.Media)
        {
            Line(text, 'm', $"{m.Media} {m.Port.ToString(CultureInfo.InvariantCulture)} {m.Protocol} {string.Join(' ', m.Formats)}");
            if (m.Connection is { } mc)
            {
                Line(text, 'c', $"IN {mc.AddressType} {mc.Address}");
            }

            foreach (RtpMap map in m.RtpMaps)
            {
                string channels = map.Channels == 1 ? string.Empty : "/" + map.Channels.ToString(CultureInfo.InvariantCulture);
                Line(text, 'a', FormattableString.Invariant($"rtpmap:{map.PayloadType} {map.EncodingName}/{map.ClockRate}{channels}"));
            }

            foreach ((int payloadType, string parameters) in m.Fmtps.OrderBy(p => p.Key))
            {
                Line(text, 'a', FormattableString.Invariant($"fmtp:{payloadType} {parameters}"));
            }

            if (m.Ptime is { } ptime)
            {
                Line(text, 'a', FormattableString.Invariant($"ptime:{ptime}"));
            }

            if (m.Direction is { } direction)
            {
                Line(text, 'a', DirectionName(direction));
            }

            Attributes(text, m.OtherAttributes);
        }

        return text.ToString();
    }

    public static string DirectionName(MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    private static void Attributes(StringBuilder text, IReadOnlyList<SdpAttribute> attributes)
    {
        foreach (SdpAttribute a in attributes)
        {
            Line(text, 'a', a.Value is null ? a.Name : $"{a.Name}:{a.Value}");
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
