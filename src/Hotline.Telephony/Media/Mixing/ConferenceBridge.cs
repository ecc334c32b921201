using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Turns a relayed call into a conference: a three-party call (三方通话), where the agent adds a department and
/// the caller, the agent and the department each hear the other two, or a supervisor monitoring the call
/// (监听/耳语/强插), heard by nobody, by the agent or by both as <see cref="SetAudience"/> says. The bridge
/// has its own leg for that guest (department or supervisor), takes
/// over the audio of the relay's two legs while it runs (the relay keeps receiving, latching, counting and
/// tapping them; it just hands the audio to the mixer instead of to the other leg) and sends each party a
/// mix from that party's leg. The recording, if given, keeps the caller on the left and gets what the caller
/// hears on the right (the agent, the department, a supervisor only while barged in).
/// <para>Lifecycle, as the call orchestration drives it:</para>
/// <list type="number">
/// <item><see cref="TryCreate"/> allocates the guest's leg: offer <see cref="Guest"/>.LocalPort.</item>
/// <item>When the guest answers: <c>Guest.SetSignalledRemote</c>, then <see cref="Start"/> with the
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
    private readonly ConferenceParty _guest;
    private int _started;
    private volatile bool _handedOver;
    private int _disposed;

    private ConferenceBridge(RtpRelay relay, RtpPortAllocator ports, Socket socket, TimeProvider time, IMixedRecording? recording, ConferenceParty guest)
    {
        _relay = relay;
        _guest = guest;
        _ports = ports;
        _mixer = new ConferenceMixer(time, recording);
        _feed = new RelayFeed(_mixer);

        // The guest sits on our side of the call, with the agent: the agent side is the one it faces.
        Guest = new RtpRelayLeg(RtpLegSide.Agent, socket);
        _receiver = RtpLegReceiver.Start(ports.Engine, Guest, ReceiveGuarded);
    }

    /// <summary>The guest's leg: its port goes in the INVITE's SDP, its peer address comes from the answer.</summary>
    public RtpRelayLeg Guest { get; }

    /// <summary>
    /// Allocates the department's leg beside <paramref name="relay"/>; nothing changes for the call until
    /// <see cref="Start"/>. Null when the port range is exhausted.
    /// </summary>
    /// <param name="recording">The call's recorder; it is fed the mix while the bridge runs.</param>
    /// <param name="guest">The seat of the bridge's own leg: a department (three-party call) or a supervisor.</param>
    public static ConferenceBridge? TryCreate(
        RtpRelay relay, RtpPortAllocator ports, TimeProvider time, IMixedRecording? recording = null, ConferenceParty guest = ConferenceParty.ThirdParty)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(time);
        if (guest is ConferenceParty.Caller or ConferenceParty.Agent)
        {
            throw new ArgumentOutOfRangeException(nameof(guest), guest, "The caller and the agent are the relay's own legs.");
        }

        Socket? socket = ports.TryAllocate();
        return socket is null ? null : new ConferenceBridge(relay, ports, socket, time, recording, guest);
    }

    /// <summary>
    /// Starts mixing all three. Each payload type is what that party negotiated for audio: PCMU (0) or PCMA (8).
    /// The guest is heard by <paramref name="guestHeardBy"/>. Throws if another bridge already holds the relay.
    /// </summary>
    public void Start(byte callerPayloadType, byte agentPayloadType, byte guestPayloadType, ConferenceAudience guestHeardBy = ConferenceAudience.Everyone)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        foreach (byte payloadType in (ReadOnlySpan<byte>)[callerPayloadType, agentPayloadType, guestPayloadType])
        {
            if (payloadType is not (G711.PcmuPayloadType or G711.PcmaPayloadType))
            {
                throw new ArgumentOutOfRangeException(nameof(guestPayloadType), payloadType, "A conference mixes PCMU (0) or PCMA (8).");
            }
        }

        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The conference has already started.");
        }

        _mixer.Join(ConferenceParty.Caller, _relay.Caller, callerPayloadType);
        _mixer.Join(ConferenceParty.Agent, _relay.Agent, agentPayloadType);
        _mixer.Join(_guest, Guest, guestPayloadType, guestHeardBy);
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
            _ => Guest,
        }, payloadType);

    /// <summary>
    /// The guest takes the agent's place for good (a consultation completed as a transfer): the mixing stops and
    /// the relay passes caller and guest each other's own packets, as it did caller and agent, with no decode,
    /// jitter buffer or re-encode between them; the recording goes back to the relay's packets, the guest on
    /// the agent's channel. Both must have negotiated the same payload type (<paramref name="callerPayloadType"/>,
    /// <paramref name="guestPayloadType"/>): false, and the mix goes on with the caller seated, when they differ.
    /// </summary>
    public bool HandOverToGuest(byte callerPayloadType, byte guestPayloadType)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (callerPayloadType != guestPayloadType)
        {
            // One speaks PCMU, the other PCMA: only the mixer transcodes.
            _mixer.Join(ConferenceParty.Caller, _relay.Caller, callerPayloadType);
            _mixer.Leave(ConferenceParty.Agent);
            return false;
        }

        // Guest packets go the relay's way first, then the caller's packets leave the mixer for the guest.
        _handedOver = true;
        _relay.StandIn(Guest);
        _relay.TryDivert(null, expected: _feed);
        _mixer.Dispose();
        return true;
    }

    /// <summary>A party left (hung up): it is no longer heard nor sent to; the others go on.</summary>
    public void Remove(ConferenceParty party) => _mixer.Leave(party);

    /// <summary>Changes who hears a party, from the next frame (a supervisor's listen, whisper and barge-in); false when not mixing it.</summary>
    public bool SetAudience(ConferenceParty party, ConferenceAudience heardBy) => _mixer.SetAudience(party, heardBy);

    /// <summary>Whether the party is in the mix (started and not removed).</summary>
    public bool IsMixing(ConferenceParty party) => _mixer.IsSeated(party);

    /// <summary>Packets from a party dropped as too late for their frame (jitter beyond the buffer).</summary>
    public long LatePackets(ConferenceParty party) => _mixer.LatePackets(party);

    private void ReceiveGuarded(byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends)
    {
        if (_handedOver)
        {
            _relay.ForwardFromStandIn(Guest, buffer, length, source, sends);
            return;
        }

        try
        {
            // An SRTP guest (a phone rung with RTP/SAVP) is checked and decrypted before anything latches or mixes.
            bool truncated = length == RtpLegReceiver.BufferSize;
            if (!truncated && !Guest.TryDecrypt(buffer.AsSpan(0, length), out length))
            {
                return;
            }

            ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
            if (!Guest.TryAdmit(datagram, truncated, source, out RtpHeader header, out bool rtcp) || rtcp)
            {
                return;
            }

            if (!Guest.ForwardingEnabled)
            {
                Guest.CountHeld();
                return;
            }

            _mixer.OnPacket(_guest, header, datagram);
            Guest.CountForwarded();
        }
#pragma warning disable CA1031 // As in the relay: one bad packet must not end a receive loop that serves many calls.
        catch (Exception)
#pragma warning restore CA1031
        {
            Guest.CountFault();
        }
    }

    /// <summary>
    /// Ends the conference: the relay relays caller and agent directly again, the recording goes back to the
    /// relay's packets, and the guest's port is released.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_handedOver)
        {
            _relay.StandIn(null);
        }

        _relay.TryDivert(null, expected: _feed);
        _mixer.Dispose();
        _receiver.Stop();
        _ports.Release(Guest.Socket);
        await _receiver.WaitAsync().ConfigureAwait(false);
    }

    /// <summary>The relay's view of the mixer: its legs' sides mapped to seats.</summary>
    private sealed class RelayFeed(ConferenceMixer mixer) : IRtpPacketTap
    {
        public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram) =>
            mixer.OnPacket(from == RtpLegSide.Caller ? ConferenceParty.Caller : ConferenceParty.Agent, header, datagram);
    }
}
