using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// One side of a relayed call: our socket facing one peer, the peer's address, and counters.
/// Symmetric RTP (RFC 4961, and the "latching" practice of RFC 7362 §4): the peer's address is the source
/// actually seen on the first packet, not what its SDP claimed, because NATs rewrite it.
/// A leg whose peer negotiated SRTP decrypts what arrives and encrypts what it sends, so everything between
/// (taps, the recorder, the mixer, the other leg) sees plain RTP.
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
    private long _authenticationFailures;
    private long _srtcpDropped;
    private SrtpLegSecurity? _srtp;
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

    /// <summary>Packets from this leg's peer kept back while forwarding was paused (hold, prompts, another leg standing in for it).</summary>
    public long Held => Volatile.Read(ref _held);

    /// <summary>Packets dropped because handling them threw (a tap's fault); should stay zero.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>SRTP packets from this leg's peer that failed authentication or were replays (dropped).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    /// <summary>
    /// SRTCP packets from this leg's peer that were dropped: too short, failed authentication (forged, corrupted,
    /// another key) or replayed (RFC 3711 §3.4).
    /// </summary>
    public long SrtcpDropped => Interlocked.Read(ref _srtcpDropped);

    /// <summary>Whether the peer's media is SRTP (RFC 3711) on this leg.</summary>
    public bool IsSecure => Volatile.Read(ref _srtp) is not null;

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

    /// <summary>
    /// Switches the leg to SRTP with the keys an offer/answer agreed (null: plain RTP again). Keys that did not
    /// change keep their transform, so a re-INVITE does not reset the rollover counters mid-call. Replaced
    /// transforms are left to the collector: a receive thread may still be inside one.
    /// </summary>
    public void Secure(SrtpKeys? keys)
    {
        var current = Volatile.Read(ref _srtp);
        Volatile.Write(ref _srtp, keys is null ? null : SrtpLegSecurity.From(keys, current));
    }

    /// <summary>Sends a packet we generated to this leg's peer from this leg's port (symmetric RTP), encrypted if the leg is SRTP.</summary>
    public void Send(ReadOnlySpan<byte> packet)
    {
        SocketAddress? destination = Remote;
        if (destination is null)
        {
            return;
        }

        scoped ReadOnlySpan<byte> wire = packet;
        if (Volatile.Read(ref _srtp) is { } srtp)
        {
            if (packet.Length + SrtpTransform.TagLength > RtpLegReceiver.BufferSize)
            {
                return;
            }

            Span<byte> secured = stackalloc byte[packet.Length + SrtpTransform.TagLength];
            packet.CopyTo(secured);
            if (!srtp.Protect.TryProtect(secured, packet.Length, out int length))
            {
                return;
            }

            wire = secured[..length];
        }

        try
        {
            Socket.SendTo(wire, SocketFlags.None, destination);
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
        if (Remote is not { } destination)
        {
            return;
        }

        if (Volatile.Read(ref _srtp) is { } srtp)
        {
            // The batch copies what it stages, so the encrypted copy only has to outlive this call.
            if (packet.Length + SrtpTransform.TagLength > RtpLegReceiver.BufferSize)
            {
                return;
            }

            Span<byte> secured = stackalloc byte[packet.Length + SrtpTransform.TagLength];
            packet.CopyTo(secured);
            if (srtp.Protect.TryProtect(secured, packet.Length, out int length))
            {
                sends.Stage(this, Socket, secured[..length], destination, generated: true);
            }

            return;
        }

        sends.Stage(this, Socket, packet, destination, generated: true);
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
    /// On an SRTP leg: checks and decrypts an arrived SRTP or (multiplexed, RFC 5761) SRTCP datagram in place;
    /// false when it must be dropped: too short, failed authentication or a replay. A plain leg passes everything.
    /// </summary>
    internal bool TryDecrypt(Span<byte> datagram, out int length)
    {
        length = datagram.Length;
        if (Volatile.Read(ref _srtp) is not { } srtp)
        {
            return true;
        }

        // RFC 5761 §4: RTCP packet types 200-204 sit where RTP has marker and payload type.
        if (datagram.Length > 1 && (datagram[1] & 0x7F) is >= 72 and <= 76)
        {
            if (srtp.UnprotectRtcp.Unprotect(datagram, out length) == SrtcpCheck.Accepted)
            {
                return true;
            }

            Interlocked.Increment(ref _srtcpDropped);
            return false;
        }

        if (srtp.Unprotect.TryUnprotect(datagram, out length))
        {
            return true;
        }

        Interlocked.Increment(ref _authenticationFailures);
        return false;
    }

    /// <summary>
    /// On an SRTP leg, encrypts a relayed RTP packet, or RTCP as SRTCP, in place in <paramref name="buffer"/> before
    /// it is sent to the peer; false when it cannot be protected (no room for the trailer).
    /// </summary>
    internal bool TryEncrypt(byte[] buffer, int length, bool rtcp, out int securedLength)
    {
        securedLength = length;
        if (Volatile.Read(ref _srtp) is not { } srtp)
        {
            return true;
        }

        return rtcp ? srtp.ProtectRtcp.TryProtect(buffer, length, out securedLength) : srtp.Protect.TryProtect(buffer, length, out securedLength);
    }

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
