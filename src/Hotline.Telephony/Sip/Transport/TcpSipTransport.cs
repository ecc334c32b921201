using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Sip.Syntax;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>A TCP listener plus the open connections, inbound and outbound, addressable by id or remote end.</summary>
internal sealed class TcpSipTransport : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly SipMessageParser _parser;
    private readonly SipParseLimits _limits;
    private readonly int _maxConnections;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Action<SipMessage, SipTcpConnection> _onMessage = (_, _) => { };
    private Func<ReadOnlySequence<byte>, SipParseError, SipTcpConnection, ValueTask> _onRejected = (_, _, _) => ValueTask.CompletedTask;
    private Task _accepting = Task.CompletedTask;
    private long _nextId;

    public TcpSipTransport(IPEndPoint bind, SipParseLimits limits, int maxConnections, TimeProvider time, TimeSpan idleTimeout, ILogger logger)
    {
        _time = time;
        _idleTimeout = idleTimeout;
        _limits = limits;
        _parser = new SipMessageParser(limits);
        _maxConnections = maxConnections;
        _logger = logger;
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
        return Track(socket);
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
            if (_connections.Count >= _maxConnections)
            {
                SipTransportLog.ConnectionRefused(_logger, socket.RemoteEndPoint);
                socket.Dispose();
                continue;
            }
            Track(socket);
        }
    }

    private SipTcpConnection Track(Socket socket)
    {
        var connection = new SipTcpConnection(Interlocked.Increment(ref _nextId), socket, _limits.MaxHeaderSectionLength + _limits.MaxBodyLength, _time, _idleTimeout);
        _connections[connection.Id] = connection;
        _ = RunConnectionAsync(connection);
        return connection;
    }

    private async Task RunConnectionAsync(SipTcpConnection connection)
    {
        try
        {
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
            await connection.DisposeAsync().ConfigureAwait(false);
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
