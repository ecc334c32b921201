using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Linux receive engine for relay legs: a few threads, each waiting on its own epoll set for readable
/// legs and then receiving and forwarding synchronously. Compared with one async receive per leg, a packet
/// costs one epoll wake shared with other legs, one recvmmsg and a share of one batched send — no
/// speculative receive that returns EAGAIN, no thread-pool hop — which is what lets 2 cores carry hundreds
/// of calls. The forwards of a whole pass over the ready legs are sent together (<see cref="RtpSendBatch"/>).
/// Level-triggered (epoll(7)): each readiness report reads what is queued on that leg, up to a small batch,
/// with one recvmmsg(2) where the platform has it (fewer system calls once a busy thread falls behind), and
/// epoll reports the leg again while more remain. Legs are non-blocking so a datagram dropped between the
/// report and the read (bad UDP checksum) cannot stall the thread. The slot table is read without a lock:
/// it is replaced, never resized in place, so each thread sees a consistent one.
/// </summary>
internal sealed class EpollRelayEngine : IDisposable
{
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const uint EpollIn = 0x001;
    private const int MaxEvents = 256;
    private const int BufferSize = 2048;
    private const int WaitMilliseconds = 200;

    // Forwards staged before a send is forced: enough to share one system call among many legs, few enough
    // that the first packet of a busy pass does not wait long for the last (a few µs each).
    private const int SendBatchSize = 64;

    // struct epoll_event is packed on x86-64 (12 bytes, data at offset 4) and naturally aligned elsewhere.
    private static readonly bool Packed = RuntimeInformation.ProcessArchitecture == Architecture.X64;
    private static readonly int EventSize = Packed ? 12 : 16;
    private static readonly int DataOffset = Packed ? 4 : 8;

    private readonly int[] _epoll;
    private readonly Thread[] _threads;
    private readonly Lock _gate = new();
    private Entry?[] _entries = new Entry?[64];
    private int _used;
    private readonly Stack<int> _free = new();
    private volatile bool _stopping;
    private int _next;
    private readonly bool _sendRing;

    private EpollRelayEngine(int threads, bool sendRing)
    {
        _sendRing = sendRing;
        _epoll = new int[threads];
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _epoll[i] = EpollCreate1(0);
            if (_epoll[i] < 0)
            {
                throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
            }

            int set = i;
            _threads[i] = new Thread(() => Run(_epoll[set])) { IsBackground = true, Name = $"rtp-relay-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>An engine on 64-bit Linux, or null elsewhere (the relay then uses async receives).</summary>
    public static EpollRelayEngine? TryCreate(int threads, bool sendRing = true)
    {
        // The recvmmsg/sendmmsg structures are laid out for 64-bit Linux (DatagramBatch); elsewhere: async receives.
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            return new EpollRelayEngine(Math.Max(1, threads), sendRing);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Starts delivering the leg's datagrams to <paramref name="forward"/> on an engine thread.</summary>
    public int Add(RtpRelayLeg leg, RtpDatagramHandler forward)
    {
        leg.Socket.Blocking = false;
        lock (_gate)
        {
            int slot = _free.Count > 0 ? _free.Pop() : _used++;
            if (slot == _entries.Length)
            {
                Entry?[] larger = new Entry?[_entries.Length * 2];
                _entries.CopyTo(larger, 0);
                Volatile.Write(ref _entries, larger);
            }

            int set = _next++ % _epoll.Length;
            Volatile.Write(ref _entries[slot], new Entry(leg.Socket, set, forward));
            Span<byte> ev = stackalloc byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(ev, EpollIn);
            BinaryPrimitives.WriteUInt64LittleEndian(ev[DataOffset..], (ulong)slot);
            if (EpollCtl(_epoll[set], EpollCtlAdd, (int)leg.Socket.Handle, ref MemoryMarshal.GetReference(ev)) != 0)
            {
                Volatile.Write(ref _entries[slot], null);
                _free.Push(slot);
                throw new InvalidOperationException($"epoll_ctl ADD failed: errno {Marshal.GetLastPInvokeError()}");
            }

            return slot;
        }
    }

    /// <summary>Stops delivery for a leg; call before disposing its socket.</summary>
    public void Remove(int slot)
    {
        lock (_gate)
        {
            if (_entries[slot] is { } entry)
            {
                Span<byte> ev = stackalloc byte[16];
                EpollCtl(_epoll[entry.Set], EpollCtlDel, (int)entry.Socket.Handle, ref MemoryMarshal.GetReference(ev));
                Volatile.Write(ref _entries[slot], null);
                _free.Push(slot);
            }
        }
    }

    private void Run(int epoll)
    {
        var events = new byte[MaxEvents * EventSize];
        var batch = new DatagramBatch(BufferSize);
        using var sends = new RtpSendBatch(SendBatchSize, BufferSize, _sendRing);
        Span<int> lengths = stackalloc int[DatagramBatch.Capacity];
        while (!_stopping)
        {
            int ready = EpollWait(epoll, events, MaxEvents, WaitMilliseconds);
            Entry?[] entries = Volatile.Read(ref _entries);
            for (int i = 0; i < ready; i++)
            {
                int slot = (int)BinaryPrimitives.ReadUInt64LittleEndian(events.AsSpan((i * EventSize) + DataOffset));
                if (slot >= entries.Length)
                {
                    // Added after this pass began: take the table that has it.
                    entries = Volatile.Read(ref _entries);
                }

                if (Volatile.Read(ref entries[slot]) is not { } entry)
                {
                    continue;
                }

                int received = batch.Receive(entry.Socket, lengths);
                for (int d = 0; d < received; d++)
                {
                    entry.Forward(batch.Buffer(d), lengths[d], batch.Source(d), sends);
                }
            }

            sends.Flush();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        foreach (int epoll in _epoll)
        {
            Close(epoll);
        }
    }

    [DllImport("libc.so.6", EntryPoint = "epoll_create1", SetLastError = true)]
    private static extern int EpollCreate1(int flags);

    [DllImport("libc.so.6", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static extern int EpollCtl(int epfd, int op, int fd, ref byte ev);

    [DllImport("libc.so.6", EntryPoint = "epoll_wait", SetLastError = true)]
    private static extern int EpollWait(int epfd, byte[] events, int maxEvents, int timeout);

    [DllImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    private sealed record Entry(Socket Socket, int Set, RtpDatagramHandler Forward);
}
