using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Hotline.Telephony.Sip.Syntax;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// A TCP listener plus the open connections, inbound and outbound, addressable by id or remote end.
/// Inbound connections are capped in all and per source address, so one host cannot take every slot.
/// Given server options it is the TLS listener: each accepted connection first completes a handshake.
/// </summary>
internal sealed class TcpSipTransport : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly SipMessageParser _parser;
    private readonly SipParseLimits _limits;
    private readonly SipTcpLimits _tcpLimits;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LogThrottle _refusalLog;
    private readonly SslServerAuthenticationOptions? _tls;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly Dictionary<SourceKey, int> _inboundPerSource = [];
    private readonly CancellationTokenSource _stopping = new();
    private Action<SipMessage, SipTcpConnection> _onMessage = (_, _) => { };
    private Func<ReadOnlySequence<byte>, SipParseError, SipTcpConnection, ValueTask> _onRejected = (_, _, _) => ValueTask.CompletedTask;
    private Task _accepting = Task.CompletedTask;
    private long _nextId;

    public TcpSipTransport(IPEndPoint bind, SipParseLimits limits, SipTcpLimits tcpLimits, TimeProvider time, ILogger logger, SslServerAuthenticationOptions? tls = null)
    {
        _tls = tls;
        _time = time;
        _limits = limits;
        _parser = new SipMessageParser(limits);
        _tcpLimits = tcpLimits;
        _logger = logger;
        _refusalLog = new LogThrottle(time, TimeSpan.FromSeconds(1), 10);
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(bind);
        _listener.Listen(512);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int ConnectionCount => _connections.Count;

    public void Start(Action<SipMessage, SipTcpConnection> onMessage, Func<ReadOnlySequence<byte>, SipParseError, SipTcpConnection, ValueTask> onRejected)
    {
        _onMessage = onMessage;
        _onRejected = onRejected;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public SipTcpConnection? Find(long id) => _connections.GetValueOrDefault(id);

    /// <summary>An open connection to <paramref name="remote"/>, or a new outbound one (RFC 3261 §18.1.1).</summary>
    public async ValueTask<SipTcpConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        foreach (var existing in _connections.Values)
        {
            if (existing.Remote.Equals(remote))
            {
                return existing;
            }
        }
        if (_tls is not null)
        {
            // A phone on TLS is reached on the connection it registered on (RFC 5923 reuse); the edge has no
            // client identity to present, nor a trust store to check a phone's own certificate against.
            throw new SipTransportException($"no TLS connection open to {remote}");
        }
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new SipTransportException($"TCP connect to {remote} failed: {exception.SocketErrorCode}", exception);
        }
        return Track(socket, inbound: false);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                SipTransportLog.ReceiveFailed(_logger, exception.SocketErrorCode);
                continue;
            }
            if (!TryAdmit(socket))
            {
                socket.Dispose();
                continue;
            }
            Track(socket, inbound: true);
        }
    }

    /// <summary>Counts the connection against its source (an IPv6 /64 counts as one); false (logged, throttled) when a limit is reached.</summary>
    private bool TryAdmit(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote)
        {
            return false;
        }
        string? refusal = null;
        lock (_inboundPerSource)
        {
            var key = SourceKey.From(remote.Address);
            var fromSource = _inboundPerSource.GetValueOrDefault(key);
            if (_connections.Count >= _tcpLimits.MaxConnections)
            {
                refusal = "connection limit reached";
            }
            else if (fromSource >= _tcpLimits.MaxConnectionsPerSource)
            {
                refusal = "per-source connection limit reached";
            }
            else
            {
                _inboundPerSource[key] = fromSource + 1;
            }
        }
        if (refusal is not null && _refusalLog.TryEnter(out var suppressed))
        {
            SipTransportLog.ConnectionRefused(_logger, remote, refusal, suppressed);
        }
        return refusal is null;
    }

    private void Release(IPAddress source)
    {
        var key = SourceKey.From(source);
        lock (_inboundPerSource)
        {
            var left = _inboundPerSource.GetValueOrDefault(key) - 1;
            if (left > 0)
            {
                _inboundPerSource[key] = left;
            }
            else
            {
                _inboundPerSource.Remove(key);
            }
        }
    }

    /// <summary>Outbound connections (ours, to a phone) have no first-request deadline: the phone owes us nothing.</summary>
    private SipTcpConnection Track(Socket socket, bool inbound)
    {
        var connection = new SipTcpConnection(Interlocked.Increment(ref _nextId), socket, _limits.MaxHeaderSectionLength + _limits.MaxBodyLength, _time,
            _tcpLimits.IdleTimeout, inbound ? _tcpLimits.FirstRequestTimeout : null);
        _connections[connection.Id] = connection;
        _ = RunConnectionAsync(connection, inbound);
        return connection;
    }

    private async Task RunConnectionAsync(SipTcpConnection connection, bool inbound)
    {
        try
        {
            if (_tls is not null && !await TrySecureAsync(connection).ConfigureAwait(false))
            {
                return;
            }
            await connection.RunAsync(
                _parser,
                message => _onMessage(message, connection),
                (bytes, error) => _onRejected(bytes, error, connection),
                _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer reset or we are stopping: the connection just ends.
        }
        catch (Exception exception)
        {
            SipTransportLog.HandlerFailed(_logger, exception);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            if (inbound)
            {
                Release(connection.Remote.Address);
            }
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A failed handshake (garbage, an old protocol, a peer that hangs up) only ends its connection; logged at Debug, throttled.</summary>
    private async Task<bool> TrySecureAsync(SipTcpConnection connection)
    {
        try
        {
            await connection.SecureAsync(_tls!, _stopping.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            if (_logger.IsEnabled(LogLevel.Debug) && _refusalLog.TryEnter(out var suppressed))
            {
                SipTransportLog.HandshakeFailed(_logger, connection.Remote, exception.Message, suppressed);
            }
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }
}
