using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call the edge placed to a citizen through a trunk, once answered, as the citizen's leg. It owns its
/// relay (an inbound call's relay belongs to the inbound leg) and releases it when the leg ends.
/// </summary>
internal sealed class OutboundCallerLeg : ICallerLeg
{
    // Keys a quick citizen sends (SIP INFO) between the answer and the call's flow listening; a few are enough.
    private const int MaxEarlyDigits = 8;

    private readonly List<char> _earlyDigits = [];
    private readonly Lock _digitGate = new();
    private Action<char>? _digit;
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
        leg.Digit += (_, key) => OnDigit(key);
        leg.RemoteEnded += (_, reason) =>
        {
            Release();
            RemoteEnded?.Invoke(reason);
        };
    }

    /// <summary>A key sent by SIP INFO; keys that came before the first listener are handed to it on subscribing.</summary>
    public event Action<char>? Digit
    {
        add
        {
            char[] early;
            lock (_digitGate)
            {
                _digit += value;
                early = [.. _earlyDigits];
                _earlyDigits.Clear();
            }
            foreach (var key in early)
            {
                value?.Invoke(key);
            }
        }
        remove
        {
            lock (_digitGate)
            {
                _digit -= value;
            }
        }
    }

    public event Action<string>? RemoteEnded;

    public RtpRelay Relay { get; }

    public byte PayloadType => _media.PayloadType;

    public byte? TelephoneEventPayloadType => _media.TelephoneEventPayloadType;

    public bool HasEnded => _leg.State == OutboundLegState.Ended;

    /// <summary>The citizen's number: on a callback the citizen is still "the caller" of the records.</summary>
    public string CallerNumber { get; }

    public string CalledNumber { get; }

    private void OnDigit(char key)
    {
        Action<char>? listener;
        lock (_digitGate)
        {
            listener = _digit;
            if (listener is null)
            {
                if (_earlyDigits.Count < MaxEarlyDigits)
                {
                    _earlyDigits.Add(key);
                }
                return;
            }
        }
        listener(key);
    }

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
