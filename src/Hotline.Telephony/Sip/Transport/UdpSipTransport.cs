using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>One bound UDP socket: a receive loop handing each datagram on, and sends to any address.</summary>
internal sealed class UdpSipTransport : IAsyncDisposable
{
    private const int MaxDatagram = 65_535;

    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiving = Task.CompletedTask;

    public UdpSipTransport(IPEndPoint bind, ILogger logger)
    {
        _logger = logger;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // A burst of REGISTERs or a trunk's retransmissions must queue in the kernel, not be dropped there.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>
    /// One receive loop per core: datagrams are handled on the loop that read them, and UDP promises no
    /// order anyway, so parallel loops only add throughput (retransmission matching copes with reordering).
    /// </summary>
    public void Start(Action<ReadOnlyMemory<byte>, IPEndPoint> onDatagram)
    {
        _receiving = Task.WhenAll(Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(() => ReceiveLoopAsync(onDatagram))));
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint destination, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            throw new SipTransportException($"UDP send to {destination} failed: {exception.SocketErrorCode}", exception);
        }
    }

    private async Task ReceiveLoopAsync(Action<ReadOnlyMemory<byte>, IPEndPoint> onDatagram)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                // ICMP port-unreachable for an earlier send surfaces here on some stacks; the socket is still good.
                SipTransportLog.ReceiveFailed(_logger, exception.SocketErrorCode);
                continue;
            }
            try
            {
                onDatagram(buffer.AsMemory(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
            }
            catch (Exception exception)
            {
                SipTransportLog.HandlerFailed(_logger, exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
