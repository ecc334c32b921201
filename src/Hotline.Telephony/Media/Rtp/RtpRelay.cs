using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Relays RTP between the two legs of a bridged call: what the caller sends reaches the agent from the
/// agent leg's port, and the other way round. A
/// packet is received into a reused buffer, checked, shown to the taps and sent on in place, with no per-packet allocation.
/// On Linux the receiving is done by the allocator's <see cref="EpollRelayEngine"/> threads; elsewhere
/// (or with Media:RelayThreads = 0) each leg has an async receive loop.
/// </summary>
public sealed class RtpRelay : IAsyncDisposable
{
    private readonly RtpPortAllocator _ports;
    private IRtpPacketTap[] _taps;
    private IRtpPacketTap? _mixer;
    private RtpRelayLeg? _standIn;
    private RtpLegReceiver[] _receivers = [];
    private int _disposed;

    private RtpRelay(RtpPortAllocator ports, RtpRelayLeg caller, RtpRelayLeg agent, IRtpPacketTap[] taps)
    {
        _ports = ports;
        Caller = caller;
        Agent = agent;
        _taps = taps;
    }

    public RtpRelayLeg Caller { get; }

    public RtpRelayLeg Agent { get; }

    /// <summary>
    /// Allocates two ports and starts relaying. Returns null when the port range is exhausted
    /// (the caller answers 503 rather than bridging without media).
    /// </summary>
    public static RtpRelay? TryStart(RtpPortAllocator ports, params IRtpPacketTap[] taps)
    {
        ArgumentNullException.ThrowIfNull(ports);
        Socket? callerSocket = ports.TryAllocate();
        if (callerSocket is null)
        {
            return null;
        }

        Socket? agentSocket = ports.TryAllocate();
        if (agentSocket is null)
        {
            ports.Release(callerSocket);
            return null;
        }

        var relay = new RtpRelay(
            ports,
            new RtpRelayLeg(RtpLegSide.Caller, callerSocket),
            new RtpRelayLeg(RtpLegSide.Agent, agentSocket),
            taps);
        EpollRelayEngine? engine = ports.Engine;
        relay._receivers =
        [
            RtpLegReceiver.Start(engine, relay.Caller, (buffer, length, source, sends) => relay.ForwardGuarded(relay.Caller, relay.CallerPeer, buffer, length, source, sends)),
            RtpLegReceiver.Start(engine, relay.Agent, relay.ForwardFromAgent),
        ];
        return relay;
    }

    public RtpRelayLeg Leg(RtpLegSide side) => side == RtpLegSide.Caller ? Caller : Agent;

    /// <summary>Adds a tap (e.g. the recorder once the agent answers). Receive loops see it from their next packet.</summary>
    public void AddTap(IRtpPacketTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        IRtpPacketTap[] current, updated;
        do
        {
            current = Volatile.Read(ref _taps);
            updated = [.. current, tap];
        }
        while (Interlocked.CompareExchange(ref _taps, updated, current) != current);
    }

    public void RemoveTap(IRtpPacketTap tap)
    {
        IRtpPacketTap[] current, updated;
        do
        {
            current = Volatile.Read(ref _taps);
            updated = current.Where(t => !ReferenceEquals(t, tap)).ToArray();
        }
        while (Interlocked.CompareExchange(ref _taps, updated, current) != current);
    }

    /// <summary>
    /// Hands both legs' audio to a conference mixer instead of to the other leg (null: relay again). Taps
    /// still see every packet first. Only one mixer at a time: returns false if another one holds the relay.
    /// </summary>
    internal bool TryDivert(IRtpPacketTap? mixer, IRtpPacketTap? expected) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _mixer, mixer, expected), expected);

    /// <summary>Where the caller's audio goes: the agent's leg, or the leg standing in for it.</summary>
    private RtpRelayLeg CallerPeer => Volatile.Read(ref _standIn) ?? Agent;

    /// <summary>
    /// Puts another leg of ours (a conference bridge's guest, once a consultation became a transfer) in the
    /// agent leg's place: the caller's packets are sent on from that leg's port to its peer, and what that
    /// leg receives is handed to <see cref="ForwardFromStandIn"/> and relayed to the caller packet by packet,
    /// seen by the taps as the agent side. Null puts the agent's leg back.
    /// </summary>
    internal void StandIn(RtpRelayLeg? leg) => Volatile.Write(ref _standIn, leg);

    /// <summary>A datagram the stand-in leg received, relayed to the caller as if the agent's leg had.</summary>
    internal void ForwardFromStandIn(RtpRelayLeg standIn, byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends) =>
        ForwardGuarded(standIn, Caller, buffer, length, source, sends);

    /// <summary>
    /// A datagram the agent's leg received. While another leg stands in for it (a transfer), a late or lingering
    /// stream from the agent's phone would reach the caller beside the stand-in's and be recorded over it on the
    /// same channel: it is held back instead.
    /// </summary>
    private void ForwardFromAgent(byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends)
    {
        if (Volatile.Read(ref _standIn) is not null)
        {
            Agent.CountHeld();
            return;
        }

        ForwardGuarded(Agent, Caller, buffer, length, source, sends);
    }

    /// <summary>
    /// A fault in one packet (a tap's bug) must not end the receive loop — with the epoll engine that loop
    /// serves many calls — so it is counted on the leg and the packet dropped.
    /// </summary>
    private void ForwardGuarded(RtpRelayLeg from, RtpRelayLeg to, byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends)
    {
        try
        {
            Forward(from, to, buffer, length, source, sends);
        }
#pragma warning disable CA1031 // Deliberately broad: see summary.
        catch (Exception)
#pragma warning restore CA1031
        {
            from.CountFault();
        }
    }

    private void Forward(RtpRelayLeg from, RtpRelayLeg to, byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends)
    {
        bool truncated = length == RtpLegReceiver.BufferSize;
        // SRTP is checked before the source: a forged packet must not latch the leg to its sender.
        if (!truncated && !from.TryDecrypt(buffer.AsSpan(0, length), out length))
        {
            return;
        }

        ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
        if (!from.TryAdmit(datagram, truncated, source, out RtpHeader header, out bool rtcp))
        {
            return;
        }

        if (!rtcp)
        {
            foreach (IRtpPacketTap tap in Volatile.Read(ref _taps))
            {
                tap.OnPacket(from.Side, header, datagram);
            }
        }

        if (!from.ForwardingEnabled)
        {
            from.CountHeld();
            return;
        }

        if (Volatile.Read(ref _mixer) is { } mixer)
        {
            // The mixer sends its own streams (and would have to originate its own RTCP): peers' RTCP stops here.
            if (!rtcp)
            {
                mixer.OnPacket(from.Side, header, datagram);
                from.CountForwarded();
            }

            return;
        }

        SocketAddress? destination = to.Remote;
        if (destination is null)
        {
            from.CountUndeliverable();
            return;
        }

        if (to.IsSecure)
        {
            // RTP becomes SRTP and RTCP SRTCP (RFC 3711 §3.4); a packet without room for the trailer cannot be sent.
            if (!to.TryEncrypt(buffer, length, rtcp, out int secured))
            {
                from.CountUndeliverable();
                return;
            }

            datagram = buffer.AsSpan(0, secured);
        }

        if (sends is not null)
        {
            // The engine sends what its pass over the ready legs forwards in one go once all of it is handled.
            sends.Stage(from, to.Socket, datagram, destination);
            return;
        }

        try
        {
            // UDP sends complete synchronously unless the socket buffer is full; a full buffer drops the
            // packet, as a router would, rather than queueing audio that would arrive too late to play.
            to.Socket.SendTo(datagram, SocketFlags.None, destination);
            from.CountForwarded();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            from.CountUndeliverable();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (RtpLegReceiver receiver in _receivers)
        {
            receiver.Stop();
        }

        _ports.Release(Caller.Socket);
        _ports.Release(Agent.Socket);
        foreach (RtpLegReceiver receiver in _receivers)
        {
            await receiver.WaitAsync().ConfigureAwait(false);
        }
    }
}
