using System.Buffers.Binary;

namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// Writes a two-channel 8 kHz 16-bit PCM WAV file from samples placed by position on a common timeline.
/// Each channel may arrive early, late or not at all (hold, silence suppression): samples are held in a
/// window until both channels have reached a point, positions nobody wrote are silence, and a channel
/// that falls more than the window behind is treated as silent so the file keeps moving. The RIFF and data
/// sizes are written as zero first and fixed up on close.
/// Not thread-safe; the recorder serialises calls.
/// </summary>
public sealed class StereoWavWriter : IDisposable
{
    public const int SampleRate = 8000;
    public const int Channels = 2;
    public const int HeaderLength = 44;
    private const int BytesPerFrame = Channels * sizeof(short);

    private readonly Stream _stream;
    private readonly int _window;
    private readonly short[][] _pending;
    private readonly long[] _written = new long[Channels];
    private readonly byte[] _frames;
    private long _flushed;
    private bool _closed;

    /// <param name="window">How many samples a channel may lead the other before the lagging one is
    /// filled with silence; also the bound on buffered audio per channel.</param>
    public StereoWavWriter(Stream stream, int window = SampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 160);
        _stream = stream;
        _window = window;
        _pending = [new short[window], new short[window]];
        _frames = new byte[window * BytesPerFrame];
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, dataLength: 0);
        _stream.Write(header);
    }

    /// <summary>Frames written to the file so far.</summary>
    public long FramesWritten => _flushed;

    /// <summary>
    /// Places samples for one channel (0 = left, 1 = right) starting at <paramref name="position"/> on the
    /// shared timeline. Samples before what has already been written are dropped as too late.
    /// </summary>
    public void Write(int channel, long position, ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)channel, 1u, nameof(channel));
        while (samples.Length > _window)
        {
            Write(channel, position, samples[.._window]);
            samples = samples[_window..];
            position += _window;
        }

        if (position < _flushed)
        {
            int late = (int)Math.Min(samples.Length, _flushed - position);
            samples = samples[late..];
            position += late;
        }

        if (samples.IsEmpty)
        {
            return;
        }

        long end = position + samples.Length;
        if (end - _flushed > _window)
        {
            // This channel ran ahead of the window: the other one is silent for that long.
            FlushTo(end - _window);
        }

        // The window is a ring indexed by timeline position, so flushing never moves what is still pending.
        short[] ring = _pending[channel];
        int start = (int)(position % _window);
        int first = Math.Min(samples.Length, _window - start);
        samples[..first].CopyTo(ring.AsSpan(start));
        samples[first..].CopyTo(ring);
        _written[channel] = Math.Max(_written[channel], end);
        FlushTo(Math.Min(_written[0], _written[1]));
    }

    private void FlushTo(long target)
    {
        while (_flushed < target)
        {
            FlushChunk((int)Math.Min(target - _flushed, _window));
        }
    }

    private void FlushChunk(int count)
    {
        Span<byte> frames = _frames.AsSpan(0, count * BytesPerFrame);
        int start = (int)(_flushed % _window);
        int first = Math.Min(count, _window - start);
        Interleave(frames, start, first);
        Interleave(frames[(first * BytesPerFrame)..], 0, count - first);
        _stream.Write(frames);
        _flushed += count;
    }

    /// <summary>Moves <paramref name="count"/> frames from the ring at <paramref name="start"/> into the output, leaving silence behind.</summary>
    private void Interleave(Span<byte> frames, int start, int count)
    {
        Span<short> left = _pending[0].AsSpan(start, count);
        Span<short> right = _pending[1].AsSpan(start, count);
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(frames[(i * BytesPerFrame)..], left[i]);
            BinaryPrimitives.WriteInt16LittleEndian(frames[((i * BytesPerFrame) + 2)..], right[i]);
        }

        left.Clear();
        right.Clear();
    }

    /// <summary>Writes everything pending (the shorter channel padded with silence) and fixes the header.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        FlushTo(Math.Max(_written[0], _written[1]));
        _closed = true;
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, _flushed * BytesPerFrame);
        _stream.Flush();
        if (_stream.CanSeek)
        {
            _stream.Position = 0;
            _stream.Write(header);
        }

        _stream.Dispose();
    }

    private static void WriteHeader(Span<byte> header, long dataLength)
    {
        // RIFF/WAVE with one 'fmt ' chunk (WAVE_FORMAT_PCM = 1) and one 'data' chunk. Sizes are 32-bit:
        // a 4 GiB limit is about 37 hours of 8 kHz stereo, far beyond a call.
        uint data = (uint)Math.Min(dataLength, uint.MaxValue - 36);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 36 + data);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], SampleRate * BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], data);
    }
}
