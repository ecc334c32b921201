using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// One side of a relayed call: our socket facing one peer, the peer's address, and counters.
/// Symmetric RTP (RFC 4961, and the "latching" practice of RFC 7362 §4): the peer's address is the source
/// actually seen on the first packet, not what its SDP claimed, because NATs rewrite it.
/// </summary>
public sealed class RtpRelayLeg : IRtpPacketSink
{
    private readonly Lock _addressGate = new();
    private SocketAddress? _remote;
    private volatile bool _latched;
    private long _received;
    private long _forwarded;
    private long _malformed;
    private long _foreign;
    private long _undeliverable;
    private long _held;
    private long _sent;
    private long _faults;
    private volatile bool _forwarding = true;

    internal RtpRelayLeg(RtpLegSide side, Socket socket)
    {
        Side = side;
        Socket = socket;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public RtpLegSide Side { get; }

    /// <summary>Port to put in this leg's SDP (c=/m= lines).</summary>
    public int LocalPort { get; }

    internal Socket Socket { get; }

    /// <summary>Valid RTP packets that arrived on this leg from its peer.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Packets from this leg's peer that were sent on to the other leg's peer.</summary>
    public long Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Datagrams that were not RTP (typed rejection from the parser).</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Packets from a source other than the latched peer (dropped: stream hijack guard).</summary>
    public long Foreign => Volatile.Read(ref _foreign);

    /// <summary>Packets dropped because the other leg had no peer address yet or the send failed.</summary>
    public long Undeliverable => Volatile.Read(ref _undeliverable);

    /// <summary>Packets from this leg's peer kept back while forwarding was paused (hold, prompts).</summary>
    public long Held => Volatile.Read(ref _held);

    /// <summary>Packets dropped because handling them threw (a tap's fault); should stay zero.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Packets we generated (prompts, music on hold) and sent to this leg's peer.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>
    /// Whether this leg's packets go on to the other leg. Paused while the other peer hears a prompt or
    /// music on hold from us, so the two streams never interleave; taps (recording, DTMF) still see them.
    /// </summary>
    public bool ForwardingEnabled
    {
        get => _forwarding;
        set => _forwarding = value;
    }

    /// <summary>Sends a packet we generated to this leg's peer from this leg's port (symmetric RTP).</summary>
    public void Send(ReadOnlySpan<byte> packet)
    {
        SocketAddress? destination = Remote;
        if (destination is null)
        {
            return;
        }

        try
        {
            Socket.SendTo(packet, SocketFlags.None, destination);
            Interlocked.Increment(ref _sent);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A prompt frame lost to a closing leg or a full buffer is not worth failing the call for.
        }
    }

    /// <summary>Stages a packet we generated for this leg's peer into a batch a <see cref="FrameClock"/> flushes.</summary>
    internal void Send(RtpSendBatch sends, ReadOnlySpan<byte> packet)
    {
        if (Remote is { } destination)
        {
            sends.Stage(this, Socket, packet, destination, generated: true);
        }
    }

    /// <summary>The address we send to, once known (signalled or latched).</summary>
    public IPEndPoint? RemoteEndPoint
    {
        get
        {
            lock (_addressGate)
            {
                return _remote is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(_remote);
            }
        }
    }

    /// <summary>
    /// Sets the address from the peer's SDP, used until its first packet arrives. Also clears the latch,
    /// so a re-INVITE that moves the stream is followed.
    /// </summary>
    public void SetSignalledRemote(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        lock (_addressGate)
        {
            _remote = endPoint.Serialize();
            _latched = false;
        }
    }

    internal SocketAddress? Remote => Volatile.Read(ref _remote);

    /// <summary>
    /// Checks an arrived datagram: an RTP packet (or, with rtcp-mux, RTCP: <paramref name="rtcp"/>) from this
    /// leg's peer. Counts and rejects anything else; a datagram that filled the buffer was truncated.
    /// </summary>
    internal bool TryAdmit(ReadOnlySpan<byte> datagram, bool truncated, SocketAddress source, out RtpHeader header, out bool rtcp)
    {
        bool parsed = RtpPacketReader.TryParse(datagram, out header, out RtpParseError error);
        rtcp = error == RtpParseError.RtcpPayloadType;
        if (truncated || (!parsed && !rtcp))
        {
            CountMalformed();
            return false;
        }

        if (!AcceptSource(source))
        {
            return false;
        }

        CountReceived();
        return true;
    }

    /// <summary>Accepts the source of an arriving packet, latching to it if not yet latched.</summary>
    internal bool AcceptSource(SocketAddress source)
    {
        if (_latched)
        {
            if (_remote!.Equals(source))
            {
                return true;
            }

            _foreign++;
            return false;
        }

        lock (_addressGate)
        {
            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            Volatile.Write(ref _remote, copy);
            _latched = true;
        }

        return true;
    }

    internal void CountReceived() => _received++;

    internal void CountForwarded() => _forwarded++;

    internal void CountMalformed() => _malformed++;

    internal void CountUndeliverable() => _undeliverable++;

    internal void CountHeld() => _held++;

    internal void CountFault() => Interlocked.Increment(ref _faults);

    internal void CountSent() => Interlocked.Increment(ref _sent);
}
