using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using Hotline.Telephony.Sip.Syntax;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// UDP and TCP on one address and port, and TLS on its own port when configured: parses what arrives, stamps received/rport on requests
/// (RFC 3261 §18.2.1, RFC 3581 §4), answers malformed requests 400 where it can, and sends messages.
/// </summary>
internal sealed class SipTransportLayer : ISipSender, IAsyncDisposable
{
    private readonly SipParseLimits _limits;
    private readonly SipMessageParser _parser;
    private readonly ISipRateLimiter _rateLimiter;
    private readonly ILogger _logger;
    private readonly UdpSipTransport _udp;
    private readonly TcpSipTransport _tcp;
    private readonly TcpSipTransport? _tls;
    private readonly LogThrottle _rejectionLog;
    private Func<SipInbound, ValueTask> _handler = _ => ValueTask.CompletedTask;

    /// <param name="tls">Where TLS listens and how it authenticates; null leaves TLS off.</param>
    public SipTransportLayer(IPEndPoint bind, SipTcpLimits tcpLimits, TimeProvider time, ISipRateLimiter rateLimiter, ILogger logger, SipParseLimits? limits = null,
        (IPEndPoint Bind, SslServerAuthenticationOptions Options)? tls = null)
    {
        _limits = limits ?? SipParseLimits.Default;
        _parser = new SipMessageParser(_limits);
        _rateLimiter = rateLimiter;
        _logger = logger;
        _rejectionLog = new LogThrottle(time, TimeSpan.FromSeconds(1), 10);
        (_udp, _tcp) = BindPair(bind, endpoint => new TcpSipTransport(endpoint, _limits, tcpLimits, time, logger), logger);
        if (tls is { } secure)
        {
            try
            {
                _tls = new TcpSipTransport(secure.Bind, _limits, tcpLimits, time, logger, secure.Options);
            }
            catch
            {
                _udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _tcp.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }
    }

    /// <summary>
    /// Port 0 lets the UDP socket pick; TCP then takes the same port so one sent-by serves both. That
    /// number may already be someone's TCP port, so with port 0 a few fresh picks are tried.
    /// </summary>
    private static (UdpSipTransport Udp, TcpSipTransport Tcp) BindPair(IPEndPoint bind, Func<IPEndPoint, TcpSipTransport> bindTcp, ILogger logger)
    {
        const int EphemeralAttempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            var udp = new UdpSipTransport(bind, logger);
            try
            {
                return (udp, bindTcp(new IPEndPoint(bind.Address, udp.LocalEndPoint.Port)));
            }
            catch (System.Net.Sockets.SocketException e) when (bind.Port == 0 && attempt < EphemeralAttempts
                && e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }
    }

    public IPEndPoint LocalEndPoint => _udp.LocalEndPoint;

    /// <summary>The TLS listener's address; null when TLS is off.</summary>
    public IPEndPoint? TlsEndPoint => _tls?.LocalEndPoint;

    /// <summary>Our sent-by and Contact address for a transport: TLS has its own port.</summary>
    public IPEndPoint EndPointFor(SipTransportKind transport) =>
        transport == SipTransportKind.Tls && _tls is not null ? _tls.LocalEndPoint : _udp.LocalEndPoint;

    public void Start(Func<SipInbound, ValueTask> handler)
    {
        _handler = handler;
        _udp.Start(OnDatagram);
        _tcp.Start((message, connection) => OnStreamMessage(message, connection, SipTransportKind.Tcp),
            (bytes, error, connection) => OnStreamRejectedAsync(bytes, error, connection, SipTransportKind.Tcp));
        SipTransportLog.Listening(_logger, _udp.LocalEndPoint, _tcp.LocalEndPoint);
        if (_tls is not null)
        {
            _tls.Start((message, connection) => OnStreamMessage(message, connection, SipTransportKind.Tls),
                (bytes, error, connection) => OnStreamRejectedAsync(bytes, error, connection, SipTransportKind.Tls));
            SipTransportLog.ListeningTls(_logger, _tls.LocalEndPoint);
        }
    }

    public ValueTask SendAsync(SipMessage message, SipDestination destination, CancellationToken cancellationToken) =>
        SendAsync(SipMessageWriter.ToBytes(message), destination, cancellationToken);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, SipDestination destination, CancellationToken cancellationToken)
    {
        if (destination.Transport == SipTransportKind.Udp)
        {
            await _udp.SendAsync(bytes, destination.EndPoint, cancellationToken).ConfigureAwait(false);
            return;
        }
        var stream = destination.Transport == SipTransportKind.Tls
            ? _tls ?? throw new SipTransportException("TLS is not configured (Sip:TlsCertificatePath)")
            : _tcp;
        var connection = destination.ConnectionId is { } id ? stream.Find(id) : null;
        // §18.2.2: a response goes back on the request's connection; if it closed, open a new one.
        connection ??= await stream.GetOrConnectAsync(destination.EndPoint, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private void OnDatagram(ReadOnlyMemory<byte> datagram, IPEndPoint remote)
    {
        if (!_rateLimiter.TryAcquire(remote.Address))
        {
            SipTransportLog.RateLimited(_logger, remote.Address);
            return;
        }
        var bytes = new ReadOnlySequence<byte>(datagram);
        if (_parser.TryParseDatagram(bytes, out var message, out var error) != SipParseStatus.Complete)
        {
            var answer = SipRejectionResponder.TryBuild(bytes, error!, _limits.MaxHeaderSectionLength);
            OnMalformed(remote, SipTransportKind.Udp, error!, answer is not null);
            if (answer is not null)
            {
                _ = SendRawAsync(_udp.SendAsync(answer, remote, CancellationToken.None));
            }
            return;
        }
        Deliver(message!, SipTransportKind.Udp, remote, null);
    }

    private void OnStreamMessage(SipMessage message, SipTcpConnection connection, SipTransportKind transport)
    {
        if (!_rateLimiter.TryAcquire(connection.Remote.Address))
        {
            SipTransportLog.RateLimited(_logger, connection.Remote.Address);
            return;
        }
        Deliver(message, transport, connection.Remote, connection.Id);
    }

    private async ValueTask OnStreamRejectedAsync(ReadOnlySequence<byte> bytes, SipParseError error, SipTcpConnection connection, SipTransportKind transport)
    {
        var answer = SipRejectionResponder.TryBuild(bytes, error, _limits.MaxHeaderSectionLength);
        OnMalformed(connection.Remote, transport, error, answer is not null);
        if (answer is not null)
        {
            await SendRawAsync(connection.SendAsync(answer, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Malformed traffic is logged at Debug and throttled (a flood of it must not fill the disk), and each
    /// message counts toward the source's ban like a refused request does.
    /// </summary>
    private void OnMalformed(IPEndPoint remote, SipTransportKind transport, SipParseError error, bool answered)
    {
        _rateLimiter.Strike(remote.Address);
        if (_logger.IsEnabled(LogLevel.Debug) && _rejectionLog.TryEnter(out var suppressed))
        {
            SipTransportLog.Rejected(_logger, remote, transport, error, answered, suppressed);
        }
    }

    private void Deliver(SipMessage message, SipTransportKind transport, IPEndPoint remote, long? connectionId)
    {
        var responseTo = new SipDestination(transport, remote, connectionId);
        if (message is SipRequest request)
        {
            request = StampVia(request, remote);
            message = request;
            if (transport == SipTransportKind.Udp)
            {
                responseTo = UdpResponseDestination(request.TopVia, remote);
            }
        }
        var pending = _handler(new SipInbound(message, transport, remote, connectionId, responseTo));
        if (!pending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(pending);
        }
    }

    /// <summary>
    /// RFC 3261 §18.2.1: add received when sent-by is not the source address. RFC 3581 §4: when rport is
    /// present without a value, fill in the source port and always add received.
    /// </summary>
    private static SipRequest StampVia(SipRequest request, IPEndPoint remote)
    {
        var via = request.TopVia;
        var source = remote.Address.ToString();
        var wantsRPort = via.HasRPort && via.Parameters.Get("rport") is null;
        if (!wantsRPort && IPAddress.TryParse(via.Host.Trim('[', ']'), out var sentBy) && sentBy.Equals(remote.Address))
        {
            return request;
        }
        via = via.WithParameter("received", source);
        if (wantsRPort)
        {
            via = via.WithParameter("rport", remote.Port.ToString(CultureInfo.InvariantCulture));
        }
        return request.WithTopVia(via);
    }

    /// <summary>§18.2.2 for unreliable transports: to received (else sent-by), at rport (else sent-by port, else 5060).</summary>
    private static SipDestination UdpResponseDestination(ViaHeader via, IPEndPoint remote)
    {
        var host = via.Received ?? via.Host.Trim('[', ']');
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : remote.Address;
        var port = int.TryParse(via.Parameters.Get("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out var rport)
            ? rport
            : via.Port ?? 5060;
        return new SipDestination(SipTransportKind.Udp, new IPEndPoint(address, port));
    }

    private async Task SendRawAsync(ValueTask send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (SipTransportException exception)
        {
            SipTransportLog.SendFailed(_logger, exception.Message);
        }
    }

    private async Task ObserveAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SipTransportLog.HandlerFailed(_logger, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _udp.DisposeAsync().ConfigureAwait(false);
        await _tcp.DisposeAsync().ConfigureAwait(false);
        if (_tls is not null)
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }
    }
}
