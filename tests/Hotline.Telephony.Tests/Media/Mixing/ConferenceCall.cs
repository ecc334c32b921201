using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Media.Recording;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>
/// A relayed call with a conference bridge beside it, over real UDP on loopback: a caller (level 1000), an agent
/// (2000) and a guest (-3000) each a <see cref="LoopbackPhone"/> in its own G.711 law, optionally recorded. Mixing
/// has not started. Disposing hangs the phones up, then ends the call as the orchestration does (bridge, relay, recording).
/// </summary>
internal sealed class ConferenceCall : IAsyncDisposable
{
    private readonly RtpPortAllocator _ports;

    private ConferenceCall(RtpPortAllocator ports, CallRecorder? recorder, RtpRelay relay, byte callerLaw, byte agentLaw, byte guestLaw)
    {
        _ports = ports;
        Recorder = recorder;
        Relay = relay;
        Caller = new LoopbackPhone(relay.Caller, callerLaw, 1000);
        Agent = new LoopbackPhone(relay.Agent, agentLaw, 2000);
        Bridge = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System, recorder) ?? throw new InvalidOperationException("no port for the guest leg");
        Guest = new LoopbackPhone(Bridge.Guest, guestLaw, -3000);
    }

    public CallRecorder? Recorder { get; }

    public RtpRelay Relay { get; }

    public ConferenceBridge Bridge { get; }

    public LoopbackPhone Caller { get; }

    public LoopbackPhone Agent { get; }

    public LoopbackPhone Guest { get; }

    /// <param name="portMin">The first of 40 RTP ports of the call's own range.</param>
    /// <param name="recordTo">The WAV file to record to; null records nothing.</param>
    /// <param name="relayThreads">Media:RelayThreads (0: a receive loop per leg); null keeps the default.</param>
    public static ConferenceCall Start(int portMin, byte callerLaw, byte agentLaw, byte guestLaw, string? recordTo = null, int? relayThreads = null)
    {
        var options = new MediaOptions { PortMin = portMin, PortMax = portMin + 40 };
        options.RelayThreads = relayThreads ?? options.RelayThreads;
        var ports = new RtpPortAllocator(options);
        var recorder = recordTo is null ? null : new CallRecorder(recordTo, TimeProvider.System);
        var relay = (recorder is null ? RtpRelay.TryStart(ports) : RtpRelay.TryStart(ports, recorder))
            ?? throw new InvalidOperationException($"no RTP ports from {portMin}");
        return new ConferenceCall(ports, recorder, relay, callerLaw, agentLaw, guestLaw);
    }

    /// <summary>Ends the call: the bridge, then the relay, then the recording is closed (each only once).</summary>
    public async Task HangUpAsync()
    {
        await Bridge.DisposeAsync();
        await Relay.DisposeAsync();
        Recorder?.Dispose();
    }

    /// <summary>The closed recording's frames: the caller's channel left, the other right.</summary>
    public List<(short Left, short Right)> RecordedFrames() =>
        RecordedWav.Frames(Recorder?.Path ?? throw new InvalidOperationException("the call is not recorded"));

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        await Agent.DisposeAsync();
        await Guest.DisposeAsync();
        await HangUpAsync();
        _ports.Dispose();
    }
}
