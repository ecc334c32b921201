namespace Hotline.Telephony.Media.Rtp;

/// <summary>Which side of a bridged call a relay leg faces; also the recording channel.</summary>
public enum RtpLegSide
{
    /// <summary>The citizen (trunk side); left channel of the recording.</summary>
    Caller,

    /// <summary>The agent's softphone; right channel of the recording.</summary>
    Agent,
}
