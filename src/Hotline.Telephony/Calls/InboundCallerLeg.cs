using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>A trunk call to the hotline as the citizen's leg.</summary>
internal sealed class InboundCallerLeg : ICallerLeg
{
    private readonly InboundCall _call;

    public InboundCallerLeg(InboundCall call)
    {
        _call = call;
        call.Digit += (_, key) => Digit?.Invoke(key);
        call.RemoteEnded += (_, reason) => RemoteEnded?.Invoke(reason);
    }

    public event Action<char>? Digit;

    public event Action<string>? RemoteEnded;

    public RtpRelay Relay => _call.Relay;

    public byte PayloadType => (byte)_call.Media.Codec.PayloadType;

    public byte? TelephoneEventPayloadType => _call.Media.TelephoneEventPayloadType is { } pt ? (byte)pt : null;

    public bool HasEnded => _call.State == CallState.Ended;

    public string CallerNumber => _call.CallerNumber;

    public string CalledNumber => _call.CalledNumber;

    public Task HangUpAsync(string reason) => _call.HangUpAsync(reason);
}
