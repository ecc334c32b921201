namespace Hotline.Telephony.B2bua;

/// <summary>How the INVITE of an outgoing leg ended.</summary>
internal enum OutboundLegOutcome
{
    /// <summary>2xx with a usable SDP answer: the leg is connected.</summary>
    Answered,

    /// <summary>A 4xx–6xx final (486 busy, 603 decline …), or a 2xx whose answer had no usable codec (488).</summary>
    Rejected,

    /// <summary>The ring timeout expired and the INVITE was cancelled.</summary>
    Timeout,

    /// <summary>No response at all (Timer B), a transport error, or a 408/503 final.</summary>
    Unreachable,

    /// <summary>Our own CancelAsync or HangUpAsync before answer.</summary>
    Cancelled,
}
