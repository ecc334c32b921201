namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// One 20 ms clock for every stream we generate (prompts, queue music): each tick asks every playing stream
/// for its due frames and sends them together through one <see cref="RtpSendBatch"/> — with io_uring one
/// system call per 64 packets, else one sendmmsg(2) per socket — instead of one timer callback and one
/// sendto(2) per caller per frame, which was the largest cost of a call's greeting. Streams keep their own
/// frame count from elapsed time, so a late tick still sends what is due. The timer runs only while a stream
/// plays. Thread-safe; ticks never overlap (the batch is not shared).
/// </summary>
internal sealed class FrameClock : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);
    private const int BatchSize = 64;
    private const int SlotSize = 2048;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Lock _tickGate = new();
    private readonly HashSet<IFramePaced> _streams = [];
    private readonly RtpSendBatch _sends;
    private IFramePaced[] _snapshot = [];
    private ITimer? _timer;
    private bool _disposed;

    public FrameClock(TimeProvider time, bool useRing)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _sends = new RtpSendBatch(BatchSize, SlotSize, useRing);
    }

    /// <summary>Number of streams being paced.</summary>
    public int Count => Volatile.Read(ref _snapshot).Length;

    public void Add(IFramePaced stream)
    {
        lock (_gate)
        {
            if (_disposed || !_streams.Add(stream))
            {
                return;
            }

            Volatile.Write(ref _snapshot, [.. _streams]);
            _timer ??= _time.CreateTimer(_ => Tick(), null, Period, Period);
        }
    }

    public void Remove(IFramePaced stream)
    {
        lock (_gate)
        {
            if (!_streams.Remove(stream))
            {
                return;
            }

            Volatile.Write(ref _snapshot, [.. _streams]);
            if (_streams.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private void Tick()
    {
        lock (_tickGate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (IFramePaced stream in Volatile.Read(ref _snapshot))
            {
                try
                {
                    stream.Tick(_sends);
                }
#pragma warning disable CA1031 // One stream's fault must not stop every caller's audio (nor end the process from a timer).
                catch (Exception)
#pragma warning restore CA1031
                {
                    Remove(stream);
                }
            }

            _sends.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            _streams.Clear();
            Volatile.Write(ref _snapshot, []);
        }

        lock (_tickGate)
        {
            _sends.Dispose();
        }
    }
}
