using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Receives up to <see cref="Capacity"/> queued datagrams from one socket with a single recvmmsg(2), into
/// buffers pinned once for the thread's lifetime (no per-packet allocation, no per-packet pinning).
/// Linux on a 64-bit LP64 ABI, where the structures are laid out as drawn:
/// <code>
/// struct mmsghdr (64 bytes)            struct iovec (16 bytes)
///   0  void*     msg_name                0  void*  iov_base
///   8  socklen_t msg_namelen             8  size_t iov_len
///  16  iovec*    msg_iov
///  24  size_t    msg_iovlen
///  32  void*     msg_control
///  40  size_t    msg_controllen
///  48  int       msg_flags
///  56  uint      msg_len   (bytes received, filled in by the kernel)
/// </code>
/// </summary>
internal sealed class DatagramBatch
{
    public const int Capacity = 8;
    private const int HeaderSize = 64;
    private const int IovecSize = 16;
    private const int NameSize = 128; // sizeof(struct sockaddr_storage)
    private const int MsgDontWait = 0x40;
    private const int MsgTrunc = 0x20;

    private readonly int _bufferSize;
    private readonly byte[] _headers = GC.AllocateArray<byte>(Capacity * HeaderSize, pinned: true);
    private readonly byte[] _iovecs = GC.AllocateArray<byte>(Capacity * IovecSize, pinned: true);
    private readonly byte[] _names = GC.AllocateArray<byte>(Capacity * NameSize, pinned: true);
    private readonly byte[][] _buffers = new byte[Capacity][];
    private readonly SocketAddress[] _sources = new SocketAddress[Capacity];

    // SocketAddress equality compares whole buffers, so a source must have exactly its family's size, as the
    // ones Socket.ReceiveFrom fills do: one of each per slot, picked by the length the kernel reports.
    private readonly SocketAddress[] _v4 = new SocketAddress[Capacity];
    private readonly SocketAddress[] _v6 = new SocketAddress[Capacity];

    public DatagramBatch(int bufferSize)
    {
        _bufferSize = bufferSize;
        for (int i = 0; i < Capacity; i++)
        {
            _buffers[i] = GC.AllocateArray<byte>(bufferSize, pinned: true);
            _v4[i] = new SocketAddress(AddressFamily.InterNetwork);
            _v6[i] = new SocketAddress(AddressFamily.InterNetworkV6);
            Span<byte> iovec = _iovecs.AsSpan(i * IovecSize, IovecSize);
            WritePointer(iovec, Marshal.UnsafeAddrOfPinnedArrayElement(_buffers[i], 0));
            BinaryPrimitives.WriteUInt64LittleEndian(iovec[8..], (ulong)bufferSize);
            Span<byte> header = _headers.AsSpan(i * HeaderSize, HeaderSize);
            WritePointer(header, Marshal.UnsafeAddrOfPinnedArrayElement(_names, i * NameSize));
            WritePointer(header[16..], Marshal.UnsafeAddrOfPinnedArrayElement(_iovecs, i * IovecSize));
            BinaryPrimitives.WriteUInt64LittleEndian(header[24..], 1);
        }
    }

    /// <summary>Datagram <paramref name="index"/> of the last receive.</summary>
    public byte[] Buffer(int index) => _buffers[index];

    public SocketAddress Source(int index) => _sources[index];

    /// <summary>
    /// Receives what is queued on the socket (at most <see cref="Capacity"/>); returns how many, 0 when
    /// nothing was (EAGAIN, an ICMP error reported on this call, or a socket being closed). A truncated
    /// datagram is reported with the full buffer length, which the relay rejects.
    /// </summary>
    public int Receive(Socket socket, Span<int> lengths)
    {
        bool added = false;
        SafeSocketHandle handle = socket.SafeHandle;
        int received;
        try
        {
            // Holding a reference keeps the descriptor number from being closed and reused under us.
            handle.DangerousAddRef(ref added);
            PrepareHeaders();
            received = RecvMmsg((int)handle.DangerousGetHandle(), Marshal.UnsafeAddrOfPinnedArrayElement(_headers, 0), Capacity, MsgDontWait, IntPtr.Zero);
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        for (int i = 0; i < received; i++)
        {
            ReadOnlySpan<byte> header = _headers.AsSpan(i * HeaderSize, HeaderSize);
            bool truncated = (BinaryPrimitives.ReadInt32LittleEndian(header[48..]) & MsgTrunc) != 0;
            lengths[i] = truncated ? _bufferSize : (int)BinaryPrimitives.ReadUInt32LittleEndian(header[56..]);
            int nameLength = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            SocketAddress source = nameLength == _v4[i].Size ? _v4[i] : _v6[i];
            _names.AsSpan(i * NameSize, Math.Min(nameLength, source.Size)).CopyTo(source.Buffer.Span);
            _sources[i] = source;
        }

        return Math.Max(received, 0);
    }

    private void PrepareHeaders()
    {
        // The kernel writes back msg_namelen (and msg_flags, msg_len) of each message it fills: restore the
        // name buffers' size; the pointers set in the constructor stay.
        for (int i = 0; i < Capacity; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_headers.AsSpan((i * HeaderSize) + 8), NameSize);
        }
    }

    private static void WritePointer(Span<byte> destination, IntPtr pointer) =>
        BinaryPrimitives.WriteInt64LittleEndian(destination, pointer.ToInt64());

    [DllImport("libc.so.6", EntryPoint = "recvmmsg", SetLastError = true)]
    private static extern int RecvMmsg(int fd, IntPtr messages, uint count, int flags, IntPtr timeout);
}
