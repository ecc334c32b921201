namespace Hotline.Telephony.Sdp;

/// <summary>The m= section being parsed; becomes an immutable <see cref="MediaDescription"/>.</summary>
internal sealed class MediaSection(string media, int port, string protocol, string[] formats)
{
    private readonly List<RtpMap> _rtpMaps = [];
    private readonly Dictionary<int, string> _fmtps = [];
    private readonly List<SdpAttribute> _other = [];
    private MediaDirection? _direction;
    private int? _ptime;

    public SdpConnection? Connection { get; set; }

    public SdpParseError Accept(string name, string? argument, MediaDirection? direction)
    {
        if (direction is not null)
        {
            _direction = direction;
            return SdpParseError.None;
        }

        switch (name)
        {
            case "rtpmap":
                return ParseRtpMap(argument);
            case "fmtp":
                string[] fmtp = (argument ?? string.Empty).Split(' ', 2);
                if (fmtp.Length == 2 && SdpParser.TryParseInt(fmtp[0], 0, 127, out int fmtpType))
                {
                    _fmtps[fmtpType] = fmtp[1];
                }

                return SdpParseError.None;
            case "ptime" when SdpParser.TryParseInt(argument ?? string.Empty, 1, 1000, out int ptime):
                _ptime = ptime;
                return SdpParseError.None;
            default:
                _other.Add(new SdpAttribute(name, argument));
                return SdpParseError.None;
        }
    }

    private SdpParseError ParseRtpMap(string? argument)
    {
        // a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]
        string[] parts = (argument ?? string.Empty).Split(' ', 2);
        if (parts.Length != 2 || !SdpParser.TryParseInt(parts[0], 0, 127, out int payloadType))
        {
            return SdpParseError.MalformedRtpMap;
        }

        string[] encoding = parts[1].Trim().Split('/');
        int channels = 1;
        if (encoding.Length is < 2 or > 3 || encoding[0].Length == 0
            || !SdpParser.TryParseInt(encoding[1], 1, 1_000_000, out int clockRate)
            || (encoding.Length == 3 && !SdpParser.TryParseInt(encoding[2], 1, 255, out channels)))
        {
            return SdpParseError.MalformedRtpMap;
        }

        _rtpMaps.Add(new RtpMap(payloadType, encoding[0], clockRate, channels));
        return SdpParseError.None;
    }

    public MediaDescription Build() => new()
    {
        Media = media,
        Port = port,
        Protocol = protocol,
        Formats = formats,
        Connection = Connection,
        RtpMaps = _rtpMaps,
        Fmtps = _fmtps,
        Direction = _direction,
        Ptime = _ptime,
        OtherAttributes = _other,
    };
}
