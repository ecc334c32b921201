using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Forwards that an engine thread collects while it handles one readiness report, sent with one
/// sendmmsg(2) per destination socket once the report's datagrams are all handled: everything one leg had
/// queued goes out of the other leg in one system call. The payloads are not copied: the iovecs point at
/// the receive batch's pinned buffers, which stay untouched until the next receive, after the flush.
/// Counters are updated at the flush, when it is known what the kernel took. Layout as on
/// <see cref="DatagramBatch"/>; this one fills msg_name with the destination.
/// </summary>
internal sealed class RtpSendBatch
{
    private const int HeaderSize = 64;
    private const int IovecSize = 16;
    private const int NameSize = 128;

    private readonly int _capacity;
    private readonly byte[] _headers;
    private readonly byte[] _iovecs;
    private readonly byte[] _names;
    private readonly RtpRelayLeg?[] _from;
    private Socket? _socket;
    private int _count;

    public RtpSendBatch(int capacity)
    {
        _capacity = capacity;
        _headers = GC.AllocateArray<byte>(capacity * HeaderSize, pinned: true);
        _iovecs = GC.AllocateArray<byte>(capacity * IovecSize, pinned: true);
        _names = GC.AllocateArray<byte>(capacity * NameSize, pinned: true);
        _from = new RtpRelayLeg?[capacity];
        for (int i = 0; i < capacity; i++)
        {
            Span<byte> header = _headers.AsSpan(i * HeaderSize, HeaderSize);
            BinaryPrimitives.WriteInt64LittleEndian(header, Marshal.UnsafeAddrOfPinnedArrayElement(_names, i * NameSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], Marshal.UnsafeAddrOfPinnedArrayElement(_iovecs, i * IovecSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[24..], 1);
        }
    }

    /// <summary>
    /// Queues <paramref name="length"/> bytes at the start of <paramref name="pinnedBuffer"/> (which must stay
    /// unchanged until <see cref="Flush"/>) to go out of <paramref name="socket"/>; counted on <paramref name="from"/>.
    /// </summary>
    public void Stage(RtpRelayLeg from, Socket socket, byte[] pinnedBuffer, int length, SocketAddress destination)
    {
        if (_count == _capacity || (_socket is not null && !ReferenceEquals(socket, _socket)))
        {
            Flush();
        }

        _socket = socket;
        int size = destination.Size;
        destination.Buffer.Span[..size].CopyTo(_names.AsSpan(_count * NameSize));
        BinaryPrimitives.WriteInt32LittleEndian(_headers.AsSpan((_count * HeaderSize) + 8), size);
        Span<byte> iovec = _iovecs.AsSpan(_count * IovecSize, IovecSize);
        BinaryPrimitives.WriteInt64LittleEndian(iovec, Marshal.UnsafeAddrOfPinnedArrayElement(pinnedBuffer, 0).ToInt64());
        BinaryPrimitives.WriteInt64LittleEndian(iovec[8..], length);
        _from[_count++] = from;
    }

    /// <summary>Sends what is staged. A message the kernel refuses (full buffer, socket closing) is dropped and counted.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        Socket socket = _socket!;
        int done = 0;
        bool added = false;
        try
        {
            // Holding a reference keeps the descriptor number from being closed and reused under us.
            socket.SafeHandle.DangerousAddRef(ref added);
            int fd = (int)socket.SafeHandle.DangerousGetHandle();
            while (done < _count)
            {
                int sent = SendMmsg(fd, Marshal.UnsafeAddrOfPinnedArrayElement(_headers, done * HeaderSize), (uint)(_count - done), 0);
                if (sent <= 0)
                {
                    // The message at 'done' failed (sendmmsg reports an error only when nothing was sent): drop it, go on.
                    _from[done++]!.CountUndeliverable();
                    continue;
                }

                for (int i = done; i < done + sent; i++)
                {
                    _from[i]!.CountForwarded();
                }

                done += sent;
            }
        }
        catch (ObjectDisposedException)
        {
            for (; done < _count; done++)
            {
                _from[done]!.CountUndeliverable();
            }
        }
        finally
        {
            if (added)
            {
                socket.SafeHandle.DangerousRelease();
            }

            Array.Clear(_from, 0, _count);
            _count = 0;
            _socket = null;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "sendmmsg", SetLastError = true)]
    private static extern int SendMmsg(int fd, IntPtr messages, uint count, int flags);
}
