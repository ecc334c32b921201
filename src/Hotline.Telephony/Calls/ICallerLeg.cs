using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>
/// The citizen's side of a call, whoever placed it: a trunk call to the hotline (inbound) or a call the
/// edge placed to the citizen through a trunk (callback). The citizen faces <see cref="RtpRelay.Caller"/>.
/// </summary>
internal interface ICallerLeg
{
    RtpRelay Relay { get; }

    /// <summary>The G.711 payload type agreed with the citizen's side (0 PCMU, 8 PCMA).</summary>
    byte PayloadType { get; }

    /// <summary>The citizen side's RFC 4733 payload type, when it sends telephone-events.</summary>
    byte? TelephoneEventPayloadType { get; }

    string CallerNumber { get; }

    /// <summary>The hotline number dialled (inbound) or the number we dialled (outbound).</summary>
    string CalledNumber { get; }

    /// <summary>The leg is over (it may have ended before anyone listened to <see cref="RemoteEnded"/>).</summary>
    bool HasEnded { get; }

    /// <summary>A key sent by SIP INFO.</summary>
    event Action<char>? Digit;

    /// <summary>The citizen hung up or the leg died.</summary>
    event Action<string>? RemoteEnded;

    Task HangUpAsync(string reason);
}
