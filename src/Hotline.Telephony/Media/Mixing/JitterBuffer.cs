namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Playout buffer for one mixer input: decoded samples are placed by RTP timestamp (RFC 3550 §5.1: it counts
/// samples at 8 kHz for G.711) and read out one frame per mixer tick, so packets that arrive early, late
/// within the depth, or out of order all land in the right frame, and a frame nobody filled is silence.
/// The first packet of a stream (or of a new SSRC) is placed <c>depth</c> samples ahead of the read point:
/// that much arrival jitter is absorbed, at that much added delay. A sender whose timeline jumps beyond the
/// buffer, or that keeps arriving late (clock drift, a stall), is re-anchored the same way.
/// Not thread-safe; the mixer serialises calls.
/// </summary>
internal sealed class JitterBuffer
{
    // Consecutive wholly late packets before we conclude the sender's timeline moved rather than jittered.
    private const int LateRunBeforeResync = 3;

    private readonly short[] _ring;
    private readonly int _depth;
    private bool _anchored;
    private uint _ssrc;
    private uint _playout;
    private int _readIndex;
    private int _lateRun;

    /// <param name="depth">Samples of arrival jitter absorbed (and of delay added).</param>
    /// <param name="capacity">Samples held at most; packets further ahead than this re-anchor the stream.</param>
    public JitterBuffer(int depth, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, depth + 320);
        _depth = depth;
        _ring = new short[capacity];
    }

    /// <summary>Packets dropped because their frame had already been played.</summary>
    public long Late { get; private set; }

    /// <summary>Times the stream was re-anchored after the first (new SSRC, jump, drift).</summary>
    public long Resyncs { get; private set; }

    public void Put(uint ssrc, uint timestamp, ReadOnlySpan<short> samples)
    {
        if (samples.Length > _ring.Length - _depth)
        {
            return;
        }

        if (!_anchored || ssrc != _ssrc)
        {
            Anchor(ssrc, timestamp);
        }

        // Signed distance on the 32-bit wrapping timeline.
        int offset = (int)(timestamp - _playout);
        if (offset + samples.Length <= 0)
        {
            if (++_lateRun < LateRunBeforeResync)
            {
                Late++;
                return;
            }

            Anchor(ssrc, timestamp);
            offset = _depth;
        }
        else if (offset > _ring.Length - samples.Length)
        {
            Anchor(ssrc, timestamp);
            offset = _depth;
        }

        _lateRun = 0;
        if (offset < 0)
        {
            // Partly played already: keep the part still ahead.
            samples = samples[-offset..];
            offset = 0;
        }

        int start = (_readIndex + offset) % _ring.Length;
        int first = Math.Min(samples.Length, _ring.Length - start);
        samples[..first].CopyTo(_ring.AsSpan(start));
        samples[first..].CopyTo(_ring);
    }

    /// <summary>Reads the next frame (silence where nothing arrived) and frees its place.</summary>
    public void Take(Span<short> frame)
    {
        if (!_anchored)
        {
            frame.Clear();
            return;
        }

        int first = Math.Min(frame.Length, _ring.Length - _readIndex);
        Span<short> head = _ring.AsSpan(_readIndex, first);
        Span<short> tail = _ring.AsSpan(0, frame.Length - first);
        head.CopyTo(frame);
        tail.CopyTo(frame[first..]);
        head.Clear();
        tail.Clear();
        _readIndex = (_readIndex + frame.Length) % _ring.Length;
        _playout += (uint)frame.Length;
    }

    /// <summary>Forgets the stream: the next packet anchors afresh (the sender left and may come back).</summary>
    public void Reset()
    {
        _anchored = false;
        _ring.AsSpan().Clear();
    }

    private void Anchor(uint ssrc, uint timestamp)
    {
        if (_anchored)
        {
            Resyncs++;
        }

        _anchored = true;
        _ssrc = ssrc;
        _playout = timestamp - (uint)_depth;
        _readIndex = 0;
        _lateRun = 0;
        _ring.AsSpan().Clear();
    }
}
