using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// Plays prompts into an RTP stream as G.711, one 160-sample (20 ms) frame per packet, copied from audio
/// encoded once for all callers (<see cref="EncodedPrompts"/>) — the RFC 3551 §4.5
/// default packetisation. Frame n of the stream's life carries timestamp base + 160·n whether or not we
/// were playing before, so the timestamp follows the sampling clock across pauses (RFC 3550 §5.1) and the
/// first packet of each play sets the marker bit (RFC 3551 §4.1: start of a talkspurt). Pacing is driven
/// by a <see cref="TimeProvider"/> timer of its own or, in the call centre, by the <see cref="FrameClock"/>
/// shared by every caller (one tick and one batched send for all of them), and computed from elapsed time,
/// so a late tick catches up instead of drifting.
/// </summary>
public sealed class PromptPlayer : IDisposable, IFramePaced
{
    public const int FrameSamples = 160;
    private static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    // After a stall, send at most this many overdue frames at once and skip the rest: a burst would only
    // overflow the phone's jitter buffer, a gap is concealed.
    private const int MaxCatchUpFrames = 3;

    private readonly TimeProvider _time;
    private readonly IRtpPacketSink _sink;
    private readonly byte _payloadType;
    private readonly uint _ssrc;
    private readonly uint _timestampBase;
    private readonly long _origin;
    private readonly byte _silence;
    private readonly byte[] _packet = new byte[RtpHeader.FixedLength + FrameSamples];
    private readonly Lock _gate = new();
    private ushort _sequence;
    private readonly FrameClock? _clock;
    private ITimer? _timer;
    private bool _playing;
    private byte[][] _segments = [];
    private int _segment;
    private int _offset;
    private bool _loop;
    private bool _marker;
    private long _nextFrame;
    private Action? _finished;

    public PromptPlayer(TimeProvider time, IRtpPacketSink sink, byte payloadType, uint ssrc, ushort initialSequence, uint initialTimestamp)
        : this(time, sink, payloadType, ssrc, initialSequence, initialTimestamp, null)
    {
    }

    /// <param name="clock">Paces this player with every other one on the clock; its sink must then be a relay leg.</param>
    internal PromptPlayer(TimeProvider time, IRtpPacketSink sink, byte payloadType, uint ssrc, ushort initialSequence, uint initialTimestamp, FrameClock? clock)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sink);
        if (payloadType is not (G711.PcmuPayloadType or G711.PcmaPayloadType))
        {
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "Prompts are played as PCMU (0) or PCMA (8).");
        }

        _time = time;
        _sink = sink;
        _payloadType = payloadType;
        _silence = EncodedPrompts.Silence(payloadType);
        _ssrc = ssrc;
        _sequence = initialSequence;
        _timestampBase = initialTimestamp;
        _origin = time.GetTimestamp();
        _clock = sink is RtpRelayLeg ? clock : null;
    }

    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _playing;
            }
        }
    }

    /// <summary>
    /// Starts playing the segments back to back (replacing anything playing). The first frame goes out now.
    /// <paramref name="finished"/> runs after the last frame was sent (never when stopped or looping).
    /// </summary>
    public void Play(IReadOnlyList<short[]> segments, Action? finished = null, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (loop && segments.All(s => s.Length == 0))
        {
            throw new ArgumentException("A looping play needs some audio.", nameof(segments));
        }

        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            _segments = segments.Select(s => EncodedPrompts.Get(s, _payloadType)).ToArray();
            _segment = 0;
            _offset = 0;
            _loop = loop;
            _marker = true;
            _finished = finished;
            _nextFrame = FrameNow();
            _playing = true;
            if (_clock is null)
            {
                _timer = _time.CreateTimer(_ => Tick(null), null, FrameDuration, FrameDuration);
            }
        }

        // The first frame goes out now, on its own; the clock sends the rest with everyone else's.
        Tick(null);
        if (_clock is not null && IsPlaying)
        {
            _clock.Add(this);
        }
    }

    /// <summary>Stops at the current frame (barge-in: the caller pressed a key).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            StopLocked();
        }
    }

    private void StopLocked()
    {
        _timer?.Dispose();
        _timer = null;
        _playing = false;
        _finished = null;
        _clock?.Remove(this);
    }

    public void Dispose() => Stop();

    private long FrameNow() => (long)(_time.GetElapsedTime(_origin).Ticks / FrameDuration.Ticks);

    void IFramePaced.Tick(RtpSendBatch sends) => Tick(sends);

    /// <summary>Sends the frames due now: directly, or staged into the shared clock's batch.</summary>
    private void Tick(RtpSendBatch? sends)
    {
        Action? finished = null;
        lock (_gate)
        {
            if (!_playing)
            {
                _clock?.Remove(this);
                return;
            }

            long due = FrameNow();
            if (due - _nextFrame >= MaxCatchUpFrames)
            {
                Skip(due - _nextFrame - MaxCatchUpFrames + 1);
            }

            while (_playing && _nextFrame <= due)
            {
                if (!SendFrame(sends))
                {
                    finished = _finished;
                    StopLocked();
                }
            }
        }

        finished?.Invoke();
    }

    /// <summary>Sends frame <see cref="_nextFrame"/>; false when there was no audio left to send.</summary>
    private bool SendFrame(RtpSendBatch? sends)
    {
        Span<byte> payload = _packet.AsSpan(RtpHeader.FixedLength, FrameSamples);
        int filled = Fill(payload);
        if (filled == 0)
        {
            return false;
        }

        payload[filled..].Fill(_silence);
        uint timestamp = _timestampBase + (uint)(_nextFrame * FrameSamples);
        int length = RtpPacketWriter.Write(_packet, _payloadType, _marker, _sequence++, timestamp, _ssrc, payload);
        _marker = false;
        _nextFrame++;
        if (sends is not null)
        {
            ((RtpRelayLeg)_sink).Send(sends, _packet.AsSpan(0, length));
        }
        else
        {
            _sink.Send(_packet.AsSpan(0, length));
        }

        return true;
    }

    private void Skip(long frames)
    {
        Span<byte> scratch = _packet.AsSpan(RtpHeader.FixedLength, FrameSamples);
        for (long i = 0; i < frames && Fill(scratch) > 0; i++)
        {
            _nextFrame++;
        }
    }

    private int Fill(Span<byte> frame)
    {
        int filled = 0;
        while (filled < frame.Length)
        {
            if (_segment >= _segments.Length)
            {
                if (!_loop || filled > 0)
                {
                    break;
                }

                _segment = 0;
                _offset = 0;
            }

            byte[] audio = _segments[_segment];
            int take = Math.Min(frame.Length - filled, audio.Length - _offset);
            audio.AsSpan(_offset, take).CopyTo(frame[filled..]);
            filled += take;
            _offset += take;
            if (_offset == audio.Length)
            {
                _segment++;
                _offset = 0;
            }
        }

        return filled;
    }
}
