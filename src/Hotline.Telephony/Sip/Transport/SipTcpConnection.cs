using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// One TCP connection, plain or under TLS: frames messages by Content-Length (RFC 3261 §18.3) from a
/// buffer that grows only to the parser's limits, and serialises writes so messages never interleave.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly int _maxBuffer;
    private int _closed;

    private readonly ITimer _idle;
    private readonly TimeSpan _idleTimeout;
    private volatile bool _awaitingRequest;

    /// <summary>
    /// <paramref name="idleTimeout"/>: a connection silent that long is closed, so half-sent messages and
    /// abandoned sockets cannot hold connection slots (phones keep theirs alive with CRLF, RFC 5626 §4.4.1).
    /// <paramref name="firstRequestTimeout"/> (inbound only): until a whole request has arrived, the deadline
    /// runs from the connect and bytes do not extend it, so CRLF keep-alives alone cannot hold a slot.
    /// </summary>
    public SipTcpConnection(long id, Socket socket, int maxBuffer, TimeProvider time, TimeSpan idleTimeout, TimeSpan? firstRequestTimeout = null)
    {
        _idleTimeout = idleTimeout;
        _awaitingRequest = firstRequestTimeout is not null;
        var firstDeadline = firstRequestTimeout is { } first && first < idleTimeout ? first : idleTimeout;
        _idle = time.CreateTimer(static state => ((SipTcpConnection)state!).DisposeAsync(), this, firstDeadline, Timeout.InfiniteTimeSpan);
        Id = id;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _maxBuffer = maxBuffer;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        socket.NoDelay = true;
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    /// <summary>
    /// The TLS server handshake (RFC 3261 §26.3.1), before any message is read. It runs under the
    /// connection's first deadline: a peer that stalls or sends garbage loses its slot like a silent one.
    /// SslStream buffers at most one TLS record (16 KiB) beside our framing buffer, so memory stays bounded.
    /// </summary>
    public async Task SecureAsync(SslServerAuthenticationOptions options, CancellationToken cancellationToken)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsServerAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads until the peer closes, a message is rejected (the stream cannot resync), or cancellation.</summary>
    public async Task RunAsync(SipMessageParser parser, Action<SipMessage> onMessage, Func<ReadOnlySequence<byte>, SipParseError, ValueTask> onRejected, CancellationToken cancellationToken)
    {
        var buffer = new byte[8 * 1024];
        var filled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= _maxBuffer)
                {
                    return;
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, _maxBuffer));
            }
            var read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }
            filled += read;
            if (!_awaitingRequest)
            {
                _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
            }
            var pending = new ReadOnlySequence<byte>(buffer, 0, filled);
            while (true)
            {
                var status = parser.TryParseStream(ref pending, out var message, out var error);
                if (status == SipParseStatus.Rejected)
                {
                    await onRejected(pending, error!).ConfigureAwait(false);
                    return;
                }
                if (status == SipParseStatus.NeedMoreData)
                {
                    break;
                }
                if (_awaitingRequest && message is SipRequest)
                {
                    _awaitingRequest = false;
                    _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
                }
                onMessage(message!);
            }
            var consumed = filled - (int)pending.Length;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
        {
            throw new SipTransportException($"Stream send to {Remote} failed: {exception.Message}", exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _idle.Dispose();
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer; closing is all that is left.
            }
            _socket.Dispose();
            _stream.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
