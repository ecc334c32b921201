using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Forwards that an engine thread collects over one epoll pass, across all the legs that were ready, and
/// sends together: with a <see cref="SendRing"/> (io_uring) every staged datagram, whatever its socket,
/// goes out in one system call; without one, one sendmmsg(2) per run of datagrams for the same socket.
/// Staging copies the datagram into this batch's own pinned slot, so the receive buffers can be reused
/// before the flush. Counters are updated at the flush, when it is known what the kernel took. Each slot's
/// header is a <c>struct mmsghdr</c> laid out as on <see cref="DatagramBatch"/> (its first 56 bytes are the
/// <c>struct msghdr</c> the ring takes), with msg_name set to the destination.
/// </summary>
internal sealed class RtpSendBatch : IDisposable
{
    private const int HeaderSize = 64;
    private const int IovecSize = 16;
    private const int NameSize = 128;

    private readonly int _capacity;
    private readonly int _slotSize;
    private readonly byte[] _headers;
    private readonly byte[] _iovecs;
    private readonly byte[] _names;
    private readonly byte[] _payloads;
    private readonly RtpRelayLeg?[] _from;
    private readonly bool[] _generated;
    private readonly SafeSocketHandle?[] _handles;
    private readonly int[] _fds;
    private readonly nint[] _messages;
    private readonly int[] _results;
    private readonly SendRing? _ring;
    private int _count;

    /// <param name="capacity">Datagrams staged before a flush is forced (bounds the delay the batch adds).</param>
    /// <param name="slotSize">Largest datagram staged.</param>
    /// <param name="useRing">Send through io_uring where the kernel allows it.</param>
    public RtpSendBatch(int capacity, int slotSize, bool useRing)
    {
        _ring = useRing ? SendRing.TryCreate(capacity) : null;
        _capacity = capacity;
        _slotSize = slotSize;
        _headers = GC.AllocateArray<byte>(capacity * HeaderSize, pinned: true);
        _iovecs = GC.AllocateArray<byte>(capacity * IovecSize, pinned: true);
        _names = GC.AllocateArray<byte>(capacity * NameSize, pinned: true);
        _payloads = GC.AllocateArray<byte>(capacity * slotSize, pinned: true);
        _from = new RtpRelayLeg?[capacity];
        _generated = new bool[capacity];
        _handles = new SafeSocketHandle?[capacity];
        _fds = new int[capacity];
        _messages = new nint[capacity];
        _results = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            Span<byte> header = _headers.AsSpan(i * HeaderSize, HeaderSize);
            BinaryPrimitives.WriteInt64LittleEndian(header, Marshal.UnsafeAddrOfPinnedArrayElement(_names, i * NameSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], Marshal.UnsafeAddrOfPinnedArrayElement(_iovecs, i * IovecSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[24..], 1);
            BinaryPrimitives.WriteInt64LittleEndian(_iovecs.AsSpan(i * IovecSize), Marshal.UnsafeAddrOfPinnedArrayElement(_payloads, i * slotSize).ToInt64());
            _messages[i] = Marshal.UnsafeAddrOfPinnedArrayElement(_headers, i * HeaderSize);
        }
    }

    /// <summary>Whether flushes go through io_uring (one system call for the whole batch).</summary>
    public bool UsesRing => _ring is not null;

    /// <summary>
    /// Queues a copy of <paramref name="datagram"/> to go out of <paramref name="socket"/>; counted on
    /// <paramref name="from"/> as forwarded, or, when <paramref name="generated"/> (a prompt frame we made), as sent.
    /// </summary>
    public void Stage(RtpRelayLeg from, Socket socket, ReadOnlySpan<byte> datagram, SocketAddress destination, bool generated = false)
    {
        if (datagram.Length > _slotSize)
        {
            CountLost(from, generated);
            return;
        }

        if (_count == _capacity)
        {
            Flush();
        }

        SafeSocketHandle handle = socket.SafeHandle;
        bool added = false;
        try
        {
            // Holding a reference keeps the descriptor number from being closed and reused until the flush.
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            CountLost(from, generated);
            return;
        }

        int i = _count++;
        _handles[i] = handle;
        _fds[i] = (int)handle.DangerousGetHandle();
        _from[i] = from;
        _generated[i] = generated;
        datagram.CopyTo(_payloads.AsSpan(i * _slotSize));
        int size = destination.Size;
        destination.Buffer.Span[..size].CopyTo(_names.AsSpan(i * NameSize));
        BinaryPrimitives.WriteInt32LittleEndian(_headers.AsSpan((i * HeaderSize) + 8), size);
        BinaryPrimitives.WriteInt64LittleEndian(_iovecs.AsSpan((i * IovecSize) + 8), datagram.Length);
    }

    /// <summary>Sends what is staged. A message the kernel refuses (full buffer, socket closing) is dropped and counted.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        try
        {
            if (_ring is not null)
            {
                SendThroughRing();
            }
            else
            {
                SendPerSocket();
            }

            for (int i = 0; i < _count; i++)
            {
                if (_generated[i])
                {
                    // A prompt frame lost to a full buffer is concealed by the phone, as with a direct send.
                    if (_results[i] >= 0)
                    {
                        _from[i]!.CountSent();
                    }
                }
                else if (_results[i] >= 0)
                {
                    _from[i]!.CountForwarded();
                }
                else
                {
                    _from[i]!.CountUndeliverable();
                }
            }
        }
        finally
        {
            for (int i = 0; i < _count; i++)
            {
                _handles[i]!.DangerousRelease();
            }

            Array.Clear(_from, 0, _count);
            Array.Clear(_handles, 0, _count);
            _count = 0;
        }
    }

    private void SendThroughRing()
    {
        try
        {
            _ring!.Send(_fds.AsSpan(0, _count), _messages.AsSpan(0, _count), _results.AsSpan(0, _count));
        }
        catch (InvalidOperationException)
        {
            // io_uring_enter itself failed (not one send): this batch is lost, as a full buffer would lose it.
            _results.AsSpan(0, _count).Fill(-1);
        }
    }

    /// <summary>One sendmmsg per run of consecutive datagrams for the same socket (the fallback without a ring).</summary>
    private void SendPerSocket()
    {
        int start = 0;
        while (start < _count)
        {
            int end = start + 1;
            while (end < _count && _fds[end] == _fds[start])
            {
                end++;
            }

            int done = start;
            while (done < end)
            {
                int sent = SendMmsg(_fds[start], _messages[done], (uint)(end - done), 0);
                if (sent <= 0)
                {
                    // The message at 'done' failed (sendmmsg reports an error only when nothing was sent): drop it, go on.
                    _results[done++] = -1;
                    continue;
                }

                _results.AsSpan(done, sent).Fill(0);
                done += sent;
            }

            start = end;
        }
    }

    /// <summary>A forward that could not go out is dropped audio; a prompt frame to a closing leg is not.</summary>
    private static void CountLost(RtpRelayLeg from, bool generated)
    {
        if (!generated)
        {
            from.CountUndeliverable();
        }
    }

    public void Dispose() => _ring?.Dispose();

    [DllImport("libc.so.6", EntryPoint = "sendmmsg", SetLastError = true)]
    private static extern int SendMmsg(int fd, IntPtr messages, uint count, int flags);
}
