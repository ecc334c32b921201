using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Handles one datagram received on a leg; the buffer and address are reused after the call returns (with
/// <paramref name="sends"/>, the epoll engine's batch, a forward is staged as a copy).
/// </summary>
internal delegate void RtpDatagramHandler(byte[] buffer, int length, SocketAddress source, RtpSendBatch? sends);

/// <summary>
/// Receives a leg's datagrams and hands each to a handler: on the allocator's <see cref="EpollRelayEngine"/>
/// where there is one, else with an async receive loop. Shared by the relay's two legs and a conference's
/// third leg so both paths stay one implementation.
/// </summary>
internal sealed class RtpLegReceiver
{
    /// <summary>Larger than any Ethernet-MTU RTP packet; a datagram that fills it is truncated and rejected.</summary>
    public const int BufferSize = 2048;

    private readonly EpollRelayEngine? _engine;
    private readonly CancellationTokenSource _stop = new();
    private int _slot = -1;
    private Task _loop = Task.CompletedTask;

    private RtpLegReceiver(EpollRelayEngine? engine) => _engine = engine;

    public static RtpLegReceiver Start(EpollRelayEngine? engine, RtpRelayLeg leg, RtpDatagramHandler handler)
    {
        var receiver = new RtpLegReceiver(engine);
        if (engine is not null)
        {
            receiver._slot = engine.Add(leg, handler);
        }
        else
        {
            receiver._loop = Task.Run(() => receiver.ReceiveAsync(leg, handler));
        }

        return receiver;
    }

    /// <summary>Stops handing datagrams on; the leg's socket may be closed after this.</summary>
    public void Stop()
    {
        _stop.Cancel();
        if (_slot >= 0)
        {
            _engine!.Remove(_slot);
            _slot = -1;
        }
    }

    /// <summary>Completes once the async loop has ended (after <see cref="Stop"/> and closing the socket).</summary>
    public async Task WaitAsync()
    {
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveAsync(RtpRelayLeg leg, RtpDatagramHandler handler)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var source = new SocketAddress(leg.Socket.AddressFamily);
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
                    length = await leg.Socket.ReceiveFromAsync(buffer.AsMemory(0, BufferSize), SocketFlags.None, source)
                        .ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode != SocketError.OperationAborted && !stop.IsCancellationRequested)
                {
                    // UDP reports earlier ICMP errors on the next receive; the socket is still usable.
                    continue;
                }

                handler(buffer, length, source, null);
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
}
