using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call the edge placed to a citizen through a trunk, once answered, as the citizen's leg. It owns its
/// relay (an inbound call's relay belongs to the inbound leg) and releases it when the leg ends.
/// </summary>
internal sealed class OutboundCallerLeg : ICallerLeg
{
    private readonly OutboundLeg _leg;
    private readonly NegotiatedMedia _media;
    private int _released;

    public OutboundCallerLeg(OutboundLeg leg, NegotiatedMedia media, RtpRelay relay, string hotlineNumber, string citizenNumber)
    {
        _leg = leg;
        _media = media;
        Relay = relay;
        CallerNumber = citizenNumber;
        CalledNumber = hotlineNumber;
        relay.Caller.SetSignalledRemote(media.RemoteRtp);
        leg.Digit += (_, key) => Digit?.Invoke(key);
        leg.RemoteEnded += (_, reason) =>
        {
            Release();
            RemoteEnded?.Invoke(reason);
        };
    }

    public event Action<char>? Digit;

    public event Action<string>? RemoteEnded;

    public RtpRelay Relay { get; }

    public byte PayloadType => _media.PayloadType;

    public byte? TelephoneEventPayloadType => _media.TelephoneEventPayloadType;

    public bool HasEnded => _leg.State == OutboundLegState.Ended;

    /// <summary>The citizen's number: on a callback the citizen is still "the caller" of the records.</summary>
    public string CallerNumber { get; }

    public string CalledNumber { get; }

    public async Task HangUpAsync(string reason)
    {
        await _leg.HangUpAsync(reason).ConfigureAwait(false);
        Release();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _ = Relay.DisposeAsync().AsTask();
        }
    }
}
