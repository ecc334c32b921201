namespace Hotline.Telephony.Sdp;

/// <summary>RFC 8866 §6.6 a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;].</summary>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels = 1)
{
    public static readonly RtpMap Pcmu = new(0, "PCMU", 8000);
    public static readonly RtpMap Pcma = new(8, "PCMA", 8000);

    /// <summary>RFC 3551 table 4 static assignments used when an offer lists 0 or 8 without a=rtpmap.</summary>
    public static RtpMap? Static(int payloadType) => payloadType switch
    {
        0 => Pcmu,
        8 => Pcma,
        _ => null,
    };

    public bool IsTelephoneEvent => EncodingName.Equals("telephone-event", StringComparison.OrdinalIgnoreCase);

    public bool Matches(RtpMap other) =>
        EncodingName.Equals(other.EncodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == other.ClockRate
        && Channels == other.Channels;
}
