using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Hotline.MediaBench;

/// <summary>
/// sendmmsg(2)/recvmmsg(2) for the traffic generator, so that playing both ends of a thousand calls costs
/// the generator one system call per batch instead of one per packet, and the relay's figures are not
/// capped by the generator's own cost. Linux, 64-bit. Layout of struct mmsghdr (64 bytes): msg_name at 0,
/// msg_namelen at 8, msg_iov at 16, msg_iovlen at 24, msg_flags at 48, msg_len at 56; struct iovec is
/// base at 0 and length at 8.
/// </summary>
internal sealed class BatchedUdp
{
    public const int Capacity = 64;
    private const int HeaderSize = 64;
    private const int IovecSize = 16;
    private const int NameSize = 16; // sockaddr_in: the generator is IPv4 only
    private const int MsgWaitForOne = 0x10000;

    private readonly Socket _socket;
    private readonly int _bufferSize;
    private readonly byte[] _headers = GC.AllocateArray<byte>(Capacity * HeaderSize, pinned: true);
    private readonly byte[] _iovecs = GC.AllocateArray<byte>(Capacity * IovecSize, pinned: true);
    private readonly byte[] _names = GC.AllocateArray<byte>(Capacity * NameSize, pinned: true);
    private readonly byte[] _data;

    public BatchedUdp(Socket socket, int bufferSize)
    {
        _socket = socket;
        _bufferSize = bufferSize;
        _data = GC.AllocateArray<byte>(Capacity * bufferSize, pinned: true);
        for (int i = 0; i < Capacity; i++)
        {
            Span<byte> iovec = _iovecs.AsSpan(i * IovecSize, IovecSize);
            BinaryPrimitives.WriteInt64LittleEndian(iovec, Marshal.UnsafeAddrOfPinnedArrayElement(_data, i * bufferSize).ToInt64());
            Span<byte> header = _headers.AsSpan(i * HeaderSize, HeaderSize);
            BinaryPrimitives.WriteInt64LittleEndian(header, Marshal.UnsafeAddrOfPinnedArrayElement(_names, i * NameSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], Marshal.UnsafeAddrOfPinnedArrayElement(_iovecs, i * IovecSize).ToInt64());
            BinaryPrimitives.WriteInt64LittleEndian(header[24..], 1);
        }
    }

    /// <summary>Packets staged for the next <see cref="Flush"/>.</summary>
    public int Staged { get; private set; }

    /// <summary>Space for the next packet; <see cref="Stage"/> then queues it for its destination.</summary>
    public Span<byte> Next => _data.AsSpan(Staged * _bufferSize, _bufferSize);

    public void Stage(int length, SocketAddress destination)
    {
        Span<byte> header = _headers.AsSpan(Staged * HeaderSize, HeaderSize);
        destination.Buffer.Span[..NameSize].CopyTo(_names.AsSpan(Staged * NameSize));
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], NameSize);
        BinaryPrimitives.WriteInt64LittleEndian(_iovecs.AsSpan((Staged * IovecSize) + 8), length);
        Staged++;
        if (Staged == Capacity)
        {
            Flush();
        }
    }

    /// <summary>Sends everything staged (a full socket buffer drops the rest, as a single send would).</summary>
    public void Flush()
    {
        int offset = 0;
        while (offset < Staged)
        {
            int sent = SendMmsg((int)_socket.Handle, Marshal.UnsafeAddrOfPinnedArrayElement(_headers, offset * HeaderSize), (uint)(Staged - offset), 0);
            if (sent <= 0)
            {
                break;
            }

            offset += sent;
        }

        Staged = 0;
    }

    /// <summary>
    /// Blocks until at least one datagram arrives (or the socket's receive timeout passes), then takes what
    /// else is queued; returns how many, 0 on timeout or error.
    /// </summary>
    public int Receive(Span<int> lengths)
    {
        for (int i = 0; i < Capacity; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_headers.AsSpan((i * HeaderSize) + 8), NameSize);
            BinaryPrimitives.WriteInt64LittleEndian(_iovecs.AsSpan((i * IovecSize) + 8), _bufferSize);
        }

        int received = RecvMmsg((int)_socket.Handle, Marshal.UnsafeAddrOfPinnedArrayElement(_headers, 0), Capacity, MsgWaitForOne, IntPtr.Zero);
        for (int i = 0; i < received; i++)
        {
            lengths[i] = (int)BinaryPrimitives.ReadUInt32LittleEndian(_headers.AsSpan((i * HeaderSize) + 56));
        }

        return Math.Max(received, 0);
    }

    public ReadOnlySpan<byte> Datagram(int index, int length) => _data.AsSpan(index * _bufferSize, length);

    [DllImport("libc.so.6", EntryPoint = "sendmmsg", SetLastError = true)]
    private static extern int SendMmsg(int fd, IntPtr messages, uint count, int flags);

    [DllImport("libc.so.6", EntryPoint = "recvmmsg", SetLastError = true)]
    private static extern int RecvMmsg(int fd, IntPtr messages, uint count, int flags, IntPtr timeout);
}
