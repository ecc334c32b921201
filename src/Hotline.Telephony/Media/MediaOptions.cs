namespace Hotline.Telephony.Media;

/// <summary>The "Media" configuration section: where RTP is received.</summary>
public sealed record MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Address RTP binds to and SDP announces; empty means the SIP bind address.</summary>
    public string Address { get; init; } = string.Empty;

    public int RtpPortMin { get; init; } = 20000;

    public int RtpPortMax { get; init; } = 29999;
}
