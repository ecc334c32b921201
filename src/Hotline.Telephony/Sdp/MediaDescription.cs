namespace Hotline.Telephony.Sdp;

/// <summary>One m= section (RFC 8866 §5.14) with the attributes we interpret pulled out.</summary>
public sealed record MediaDescription
{
    public required string Media { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    /// <summary>Formats in the m= line, in the sender's order of preference.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    public SdpConnection? Connection { get; init; }

    public IReadOnlyList<RtpMap> RtpMaps { get; init; } = [];

    /// <summary>a=fmtp values by payload type.</summary>
    public IReadOnlyDictionary<int, string> Fmtps { get; init; } = new Dictionary<int, string>();

    /// <summary>Null when the section had no direction attribute (then the session's, else sendrecv).</summary>
    public MediaDirection? Direction { get; init; }

    public int? Ptime { get; init; }

    public IReadOnlyList<SdpAttribute> OtherAttributes { get; init; } = [];

    /// <summary>Audio over RTP: RTP/AVP, or RTP/SAVP (SRTP, RFC 3711 §12) whose keys come in a=crypto.</summary>
    public bool IsRtpAudio =>
        Media == "audio" && (Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase) || IsSecureRtp);

    /// <summary>RTP/SAVP: the offerer sends SRTP only, so an answer without usable keys must refuse the stream.</summary>
    public bool IsSecureRtp => Protocol.Equals("RTP/SAVP", StringComparison.OrdinalIgnoreCase);

    /// <summary>Payload types in preference order with their mappings (static types filled in).</summary>
    public IEnumerable<RtpMap> Codecs()
    {
        foreach (string format in Formats)
        {
            if (!int.TryParse(format, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pt))
            {
                continue;
            }

            RtpMap? map = RtpMaps.FirstOrDefault(m => m.PayloadType == pt) ?? RtpMap.Static(pt);
            if (map is not null)
            {
                yield return map;
            }
        }
    }
}
