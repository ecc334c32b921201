using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Turns a relayed call into a three-party call (三方通话): the agent adds a department, and the caller, the
/// agent and the department each hear the other two. The bridge has its own leg for the department, takes
/// over the audio of the relay's two legs while it runs (the relay keeps receiving, latching, counting and
/// tapping them; it just hands the audio to the mixer instead of to the other leg) and sends each party a
/// mix from that party's leg. The recording, if given, keeps the caller on the left and gets the agent plus
/// the department on the right.
/// <para>Lifecycle, as the call orchestration drives it:</para>
/// <list type="number">
/// <item><see cref="TryCreate"/> allocates the department's leg: offer <see cref="ThirdParty"/>.LocalPort.</item>
/// <item>When the department answers: <c>ThirdParty.SetSignalledRemote</c>, then <see cref="Start"/> with the
/// three negotiated payload types. Before that the two-party call goes on untouched.</item>
/// <item>The agent leaves: <see cref="Remove"/>(Agent); caller and department go on talking through the mixer
/// until the call ends. The department leaves: <see cref="DisposeAsync"/>, and the relay relays again.</item>
/// <item>Call end: dispose the bridge, then the relay.</item>
/// </list>
/// </summary>
public sealed class ConferenceBridge : IAsyncDisposable
{
    private readonly RtpRelay _relay;
    private readonly RtpPortAllocator _ports;
    private readonly ConferenceMixer _mixer;
    private readonly RelayFeed _feed;
    private readonly RtpLegReceiver _receiver;
    private int _started;
    private int _disposed;

    private ConferenceBridge(RtpRelay relay, RtpPortAllocator ports, Socket socket, TimeProvider time, IMixedRecording? recording)
    {
        _relay = relay;
        _ports = ports;
        _mixer = new ConferenceMixer(time, recording);
        _feed = new RelayFeed(_mixer);

        // The department sits on our side of the call, with the agent: the agent side is the one it faces.
        ThirdParty = new RtpRelayLeg(RtpLegSide.Agent, socket);
        _receiver = RtpLegReceiver.Start(ports.Engine, ThirdParty, ReceiveGuarded);
    }

    /// <summary>The department's leg: its port goes in the INVITE's SDP, its peer address comes from the answer.</summary>
    public RtpRelayLeg ThirdParty { get; }

    /// <summary>
    /// Allocates the department's leg beside <paramref name="relay"/>; nothing changes for the call until
    /// <see cref="Start"/>. Null when the port range is exhausted.
    /// </summary>
    /// <param name="recording">The call's recorder; it is fed the mix while the bridge runs.</param>
    public static ConferenceBridge? TryCreate(RtpRelay relay, RtpPortAllocator ports, TimeProvider time, IMixedRecording? recording = null)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(time);
        Socket? socket = ports.TryAllocate();
        return socket is null ? null : new ConferenceBridge(relay, ports, socket, time, recording);
    }

    /// <summary>
    /// Starts mixing all three. Each payload type is what that party negotiated for audio: PCMU (0) or PCMA (8).
    /// Throws if another bridge already holds the relay.
    /// </summary>
    public void Start(byte callerPayloadType, byte agentPayloadType, byte thirdPartyPayloadType)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        foreach (byte payloadType in (ReadOnlySpan<byte>)[callerPayloadType, agentPayloadType, thirdPartyPayloadType])
        {
            if (payloadType is not (G711.PcmuPayloadType or G711.PcmaPayloadType))
            {
                throw new ArgumentOutOfRangeException(nameof(thirdPartyPayloadType), payloadType, "A conference mixes PCMU (0) or PCMA (8).");
            }
        }

        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The conference has already started.");
        }

        _mixer.Join(ConferenceParty.Caller, _relay.Caller, callerPayloadType);
        _mixer.Join(ConferenceParty.Agent, _relay.Agent, agentPayloadType);
        _mixer.Join(ConferenceParty.ThirdParty, ThirdParty, thirdPartyPayloadType);
        if (!_relay.TryDivert(_feed, expected: null))
        {
            _mixer.Dispose();
            throw new InvalidOperationException("Another conference already holds this relay.");
        }

        _mixer.Start();
    }

    /// <summary>
    /// Seats a party again after <see cref="Remove"/>, from the next frame (a consultation that kept the caller
    /// out of the mix ends in a transfer). Its payload type as for <see cref="Start"/>.
    /// </summary>
    public void Rejoin(ConferenceParty party, byte payloadType) =>
        _mixer.Join(party, party switch
        {
            ConferenceParty.Caller => _relay.Caller,
            ConferenceParty.Agent => _relay.Agent,
            _ => ThirdParty,
        }, payloadType);

    /// <summary>A party left (hung up): it is no longer heard nor sent to; the others go on.</summary>
    public void Remove(ConferenceParty party) => _mixer.Leave(party);

    /// <summary>Whether the party is in the mix (started and not removed).</summary>
    public bool IsMixing(ConferenceParty party) => _mixer.IsSeated(party);

    /// <summary>Packets from a party dropped as too late for their frame (jitter beyond the buffer).</summary>
    public long LatePackets(ConferenceParty party) => _mixer.LatePackets(party);

    private void ReceiveGuarded(byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends)
    {
        try
        {
            ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
            if (!ThirdParty.TryAdmit(datagram, length == RtpLegReceiver.BufferSize, source, out RtpHeader header, out bool rtcp) || rtcp)
            {
                return;
            }

            if (!ThirdParty.ForwardingEnabled)
            {
                ThirdParty.CountHeld();
                return;
            }

            _mixer.OnPacket(ConferenceParty.ThirdParty, header, datagram);
            ThirdParty.CountForwarded();
        }
#pragma warning disable CA1031 // As in the relay: one bad packet must not end a receive loop that serves many calls.
        catch (Exception)
#pragma warning restore CA1031
        {
            ThirdParty.CountFault();
        }
    }

    /// <summary>
    /// Ends the conference: the relay relays caller and agent directly again, the recording goes back to the
    /// relay's packets, and the department's port is released.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _relay.TryDivert(null, expected: _feed);
        _mixer.Dispose();
        _receiver.Stop();
        _ports.Release(ThirdParty.Socket);
        await _receiver.WaitAsync().ConfigureAwait(false);
    }

    /// <summary>The relay's view of the mixer: its legs' sides mapped to seats.</summary>
    private sealed class RelayFeed(ConferenceMixer mixer) : IRtpPacketTap
    {
        public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram) =>
            mixer.OnPacket(from == RtpLegSide.Caller ? ConferenceParty.Caller : ConferenceParty.Agent, header, datagram);
    }
}
