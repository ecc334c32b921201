using System.Buffers;
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
    // Larger than any Ethernet-MTU RTP packet; a datagram that fills it is truncated and rejected.
    private const int BufferSize = 2048;

    private readonly RtpPortAllocator _ports;
    private IRtpPacketTap[] _taps;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _loops = [];
    private EpollRelayEngine? _engine;
    private int[] _slots = [];
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
        relay._engine = ports.Engine;
        if (relay._engine is { } engine)
        {
            relay._slots =
            [
                engine.Add(relay.Caller, (buffer, length, source) => relay.ForwardGuarded(relay.Caller, relay.Agent, buffer, length, source)),
                engine.Add(relay.Agent, (buffer, length, source) => relay.ForwardGuarded(relay.Agent, relay.Caller, buffer, length, source)),
            ];
        }
        else
        {
            relay._loops =
            [
                Task.Run(() => relay.RelayAsync(relay.Caller, relay.Agent)),
                Task.Run(() => relay.RelayAsync(relay.Agent, relay.Caller)),
            ];
        }

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

    private async Task RelayAsync(RtpRelayLeg from, RtpRelayLeg to)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var source = new SocketAddress(from.Socket.AddressFamily);
        CancellationToken stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int length;
                try
                {
                    // No token on the receive itself: registering one per packet costs more than the relay's
                    // own work. Disposing the socket ends a pending receive.
                    length = await from.Socket.ReceiveFromAsync(buffer.AsMemory(0, BufferSize), SocketFlags.None, source)
                        .ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode != SocketError.OperationAborted && !stop.IsCancellationRequested)
                {
                    // UDP reports earlier ICMP errors on the next receive; the socket is still usable.
                    continue;
                }

                ForwardGuarded(from, to, buffer, length, source);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
            // Aborted by disposal.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A fault in one packet (a tap's bug) must not end the receive loop — with the epoll engine that loop
    /// serves many calls — so it is counted on the leg and the packet dropped.
    /// </summary>
    private void ForwardGuarded(RtpRelayLeg from, RtpRelayLeg to, byte[] buffer, int length, SocketAddress source)
    {
        try
        {
            Forward(from, to, buffer, length, source);
        }
#pragma warning disable CA1031 // Deliberately broad: see summary.
        catch (Exception)
#pragma warning restore CA1031
        {
            from.CountFault();
        }
    }

    private void Forward(RtpRelayLeg from, RtpRelayLeg to, byte[] buffer, int length, SocketAddress source)
    {
        ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
        bool parsed = RtpPacketReader.TryParse(datagram, out RtpHeader header, out RtpParseError error);
        if (length == BufferSize || (!parsed && error != RtpParseError.RtcpPayloadType))
        {
            from.CountMalformed();
            return;
        }

        if (!from.AcceptSource(source))
        {
            return;
        }

        from.CountReceived();
        if (error == RtpParseError.None)
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

        SocketAddress? destination = to.Remote;
        if (destination is null)
        {
            from.CountUndeliverable();
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

        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (int slot in _slots)
        {
            _engine!.Remove(slot);
        }

        _ports.Release(Caller.Socket);
        _ports.Release(Agent.Socket);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }
}
