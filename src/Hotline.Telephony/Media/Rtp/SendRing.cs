using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// A minimal io_uring (io_uring_setup(2), io_uring_enter(2)) used for one thing: sending a batch of UDP
/// datagrams that leave through many different sockets with a single system call. sendmmsg(2) batches only
/// per socket, and a relay thread's epoll pass typically has one packet for each of many legs, so without
/// this every relayed packet costs its own send call, the largest single cost on a virtual machine whose
/// system call entry is expensive. Used by one thread only; not thread-safe.
/// <code>
/// struct io_uring_params (120 bytes)        struct io_uring_sqe (64 bytes)      struct io_uring_cqe (16 bytes)
///   0 u32 sq_entries   4 u32 cq_entries       0 u8  opcode   1 u8 flags           0 u64 user_data
///   8 u32 flags       20 u32 features         4 s32 fd                            8 s32 res
///  40 io_sqring_offsets (head, tail,          8 u64 off                          12 u32 flags
///     ring_mask, ring_entries, flags,        16 u64 addr (struct msghdr*)
///     dropped, array: u32 each)              24 u32 len   28 u32 msg_flags
///  80 io_cqring_offsets (head, tail,         32 u64 user_data
///     ring_mask, ring_entries, overflow,
///     cqes: u32 each)
/// </code>
/// </summary>
internal sealed unsafe class SendRing : IDisposable
{
    private const int SetupSyscall = 425; // the same number on x86-64 and the generic table (arm64)
    private const int EnterSyscall = 426;
    private const uint SetupSubmitAll = 1u << 7; // keep submitting after an SQE that fails (Linux 5.18)
    private const uint FeatureSingleMmap = 1u << 0;
    private const uint EnterGetEvents = 1u << 0;
    private const byte OpSendMsg = 9;
    private const uint MsgDontWait = 0x40; // fail with EAGAIN on a full socket buffer instead of waiting
    private const long OffsetSqRing = 0;
    private const long OffsetCqRing = 0x8000000;
    private const long OffsetSqes = 0x10000000;
    private const int ProtReadWrite = 0x3;
    private const int MapSharedPopulate = 0x01 | 0x8000;
    private const int Eintr = 4;

    private readonly int _fd;
    private int _disposed;
    private readonly byte* _sqRing;
    private readonly nuint _sqRingSize;
    private readonly byte* _cqRing;
    private readonly nuint _cqRingSize;
    private readonly byte* _sqes;
    private readonly nuint _sqesSize;
    private readonly uint* _sqTail;
    private readonly uint _sqMask;
    private readonly uint* _cqHead;
    private readonly uint* _cqTail;
    private readonly uint _cqMask;
    private readonly byte* _cqes;

    private SendRing(int fd, ReadOnlySpan<byte> p)
    {
        _fd = fd;
        uint sqEntries = Read(p, 0);
        uint cqEntries = Read(p, 4);
        bool single = (Read(p, 20) & FeatureSingleMmap) != 0;
        _sqRingSize = Read(p, 40 + 24) + (sqEntries * 4);
        _cqRingSize = Read(p, 80 + 20) + (cqEntries * 16);
        if (single)
        {
            _sqRingSize = _cqRingSize = Math.Max(_sqRingSize, _cqRingSize);
        }

        _sqRing = Map(_sqRingSize, OffsetSqRing);
        _cqRing = single ? _sqRing : Map(_cqRingSize, OffsetCqRing);
        _sqesSize = sqEntries * 64;
        _sqes = Map(_sqesSize, OffsetSqes);
        _sqTail = (uint*)(_sqRing + Read(p, 40 + 4));
        _sqMask = *(uint*)(_sqRing + Read(p, 40 + 8));
        uint* array = (uint*)(_sqRing + Read(p, 40 + 24));
        for (uint i = 0; i < sqEntries; i++)
        {
            // The indirection array maps ring slot i to SQE i, once: we always fill the SQE of the slot we use.
            array[i] = i;
        }

        _cqHead = (uint*)(_cqRing + Read(p, 80));
        _cqTail = (uint*)(_cqRing + Read(p, 80 + 4));
        _cqMask = *(uint*)(_cqRing + Read(p, 80 + 8));
        _cqes = _cqRing + Read(p, 80 + 20);
        Capacity = (int)sqEntries;
    }

    /// <summary>Most messages one <see cref="Send"/> takes.</summary>
    public int Capacity { get; }

    /// <summary>A ring with room for at least <paramref name="entries"/> sends, or null where io_uring is unavailable.</summary>
    public static SendRing? TryCreate(int entries)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        try
        {
            byte* p = stackalloc byte[120];
            new Span<byte>(p, 120).Clear();
            *(uint*)(p + 8) = SetupSubmitAll;
            long fd = Syscall(SetupSyscall, entries, (nint)p, 0, 0, 0, 0);
            if (fd < 0)
            {
                // ENOSYS (old kernel), EPERM (io_uring_disabled, seccomp), EINVAL (flag unknown before 5.18).
                return null;
            }

            try
            {
                return new SendRing((int)fd, new ReadOnlySpan<byte>(p, 120));
            }
            catch (InvalidOperationException)
            {
                Close((int)fd);
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends each message (a <c>struct msghdr*</c> with its socket) and waits until the kernel has handled
    /// all of them; <paramref name="results"/> gets sendmsg's result for each (bytes, or -errno).
    /// The messages and what they point at must stay valid and pinned for the call only.
    /// </summary>
    public void Send(ReadOnlySpan<int> sockets, ReadOnlySpan<nint> messages, Span<int> results)
    {
        int count = sockets.Length;
        uint tail = *_sqTail;
        for (int i = 0; i < count; i++)
        {
            byte* sqe = _sqes + ((((uint)i + tail) & _sqMask) * 64);
            new Span<byte>(sqe, 64).Clear();
            sqe[0] = OpSendMsg;
            *(int*)(sqe + 4) = sockets[i];
            *(ulong*)(sqe + 16) = (ulong)messages[i];
            *(uint*)(sqe + 24) = 1;
            *(uint*)(sqe + 28) = MsgDontWait;
            *(ulong*)(sqe + 32) = (ulong)i;
        }

        // Release: the kernel must see the SQEs before it sees the new tail.
        Volatile.Write(ref *_sqTail, tail + (uint)count);
        int toSubmit = count;
        int reaped = 0;
        while (reaped < count)
        {
            long entered = Syscall(EnterSyscall, _fd, toSubmit, count - reaped, (nint)EnterGetEvents, 0, 0);
            if (entered < 0 && Marshal.GetLastPInvokeError() != Eintr)
            {
                throw new InvalidOperationException($"io_uring_enter failed: errno {Marshal.GetLastPInvokeError()}");
            }

            if (entered > 0)
            {
                toSubmit -= (int)entered;
            }

            reaped += Reap(results);
        }
    }

    private int Reap(Span<int> results)
    {
        uint head = *_cqHead;
        uint tail = Volatile.Read(ref *_cqTail);
        for (uint at = head; at != tail; at++)
        {
            byte* cqe = _cqes + ((at & _cqMask) * 16);
            results[(int)*(ulong*)cqe] = *(int*)(cqe + 8);
        }

        Volatile.Write(ref *_cqHead, tail);
        return (int)(tail - head);
    }

    public void Dispose()
    {
        // A second unmap would take whatever the runtime has mapped at those addresses since.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Unmap(_sqes, _sqesSize);
        if (_cqRing != _sqRing)
        {
            Unmap(_cqRing, _cqRingSize);
        }

        Unmap(_sqRing, _sqRingSize);
        Close(_fd);
    }

    private static uint Read(ReadOnlySpan<byte> p, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(p[offset..]);

    private byte* Map(nuint size, long offset)
    {
        nint address = Mmap(0, size, ProtReadWrite, MapSharedPopulate, _fd, offset);
        return address == -1
            ? throw new InvalidOperationException($"mmap of the io_uring failed: errno {Marshal.GetLastPInvokeError()}")
            : (byte*)address;
    }

    private static void Unmap(byte* address, nuint size)
    {
        if (address is not null)
        {
            _ = Munmap((nint)address, size);
        }
    }

    [DllImport("libc.so.6", EntryPoint = "syscall", SetLastError = true)]
    private static extern long Syscall(long number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

    [DllImport("libc.so.6", EntryPoint = "mmap", SetLastError = true)]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [DllImport("libc.so.6", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(nint address, nuint length);

    [DllImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
