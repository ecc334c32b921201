using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Mixes up to four parties: every 20 ms each listener is sent the sum of the other parties' audio it may
/// hear (each party's <see cref="ConferenceAudience"/>: everyone by default, nobody for a silently monitoring
/// supervisor), in the G.711 law it negotiated, as its own RTP stream. Inputs go through a <see cref="JitterBuffer"/> each, so a
/// late or missing packet is a frame of silence from that party, not a stall. Pacing is a
/// <see cref="TimeProvider"/> timer; the frame count comes from elapsed time, so a late tick catches up
/// (at most a few frames; after a longer stall the overdue frames are skipped rather than burst out).
/// RFC 4733 telephone-events and comfort noise are not audio and are dropped here: forwarding them as-is
/// would put a second SSRC and another leg's payload-type number into the stream we originate, and the
/// relay's taps (DTMF detection) have already seen them.
/// Thread-safe: packets arrive on the legs' receive threads, ticks on the timer's.
/// </summary>
internal sealed class ConferenceMixer : IDisposable
{
    public const int FrameSamples = 160;
    public const int DefaultJitterDepth = FrameSamples;
    private const int MaxCatchUpFrames = 3;
    private const int MaxPacketSamples = 1024;
    private static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private readonly TimeProvider _time;
    private readonly IMixedRecording? _recording;
    private readonly int _jitterDepth;
    private readonly Seat?[] _seats = new Seat?[Enum.GetValues<ConferenceParty>().Length];
    private readonly Lock _gate = new();
    private readonly short[] _decoded = new short[MaxPacketSamples];
    private readonly int[] _sum = new int[FrameSamples];
    private readonly short[] _output = new short[FrameSamples];
    private readonly short[] _callerHears = new short[FrameSamples];
    private readonly short[] _silence = new short[FrameSamples];
    private readonly long _origin;
    private ITimer? _timer;
    private long _nextFrame;
    private bool _disposed;

    public ConferenceMixer(TimeProvider time, IMixedRecording? recording, int jitterDepth = DefaultJitterDepth)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _recording = recording;
        _jitterDepth = jitterDepth;
        _origin = time.GetTimestamp();
    }

    /// <summary>Packets from each party dropped because their frame had already been mixed.</summary>
    public long LatePackets(ConferenceParty party)
    {
        lock (_gate)
        {
            return _seats[(int)party]?.Input.Late ?? 0;
        }
    }

    /// <summary>Seats a party: from the next frame it hears the others and is heard by <paramref name="heardBy"/>.</summary>
    public void Join(ConferenceParty party, IRtpPacketSink sink, byte payloadType, ConferenceAudience heardBy = ConferenceAudience.Everyone)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var seat = new Seat(new JitterBuffer(_jitterDepth, 8 * FrameSamples), new OutboundStream(sink, payloadType)) { HeardBy = heardBy };
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _seats[(int)party] = seat;
        }
    }

    /// <summary>Unseats a party (it hung up or left): it is no longer mixed nor sent to.</summary>
    public void Leave(ConferenceParty party)
    {
        lock (_gate)
        {
            _seats[(int)party] = null;
        }
    }

    /// <summary>Changes who hears a seated party, from the next frame (listen, whisper, barge-in); false when not seated.</summary>
    public bool SetAudience(ConferenceParty party, ConferenceAudience heardBy)
    {
        lock (_gate)
        {
            if (_seats[(int)party] is not { } seat)
            {
                return false;
            }

            seat.HeardBy = heardBy;
            return true;
        }
    }

    public bool IsSeated(ConferenceParty party)
    {
        lock (_gate)
        {
            return _seats[(int)party] is not null;
        }
    }

    /// <summary>Starts the frame clock and, if there is one, the recording's mixed feed.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_timer is not null)
            {
                return;
            }

            _recording?.BeginMixedFeed();
            // The first tick, one frame from now, mixes the frame that ends then.
            _nextFrame = FrameNow() + 1;
            _timer = _time.CreateTimer(_ => Tick(), null, FrameDuration, FrameDuration);
        }
    }

    /// <summary>One packet from a party (already admitted by its leg: right source, valid RTP).</summary>
    public void OnPacket(ConferenceParty party, in RtpHeader header, ReadOnlySpan<byte> datagram)
    {
        if (header.PayloadLength > MaxPacketSamples)
        {
            return;
        }

        ReadOnlySpan<byte> payload = datagram.Slice(header.PayloadOffset, header.PayloadLength);
        lock (_gate)
        {
            Span<short> samples = _decoded.AsSpan(0, payload.Length);
            if (_seats[(int)party] is not { } seat || !G711.TryDecode(header.PayloadType, payload, samples))
            {
                return;
            }

            seat.Input.Put(header.Ssrc, header.Timestamp, samples);
        }
    }

    private long FrameNow() => _time.GetElapsedTime(_origin).Ticks / FrameDuration.Ticks;

    private void Tick()
    {
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            long due = FrameNow();
            for (; due - _nextFrame >= MaxCatchUpFrames; _nextFrame++)
            {
                // Overdue beyond catching up: play these frames into nothing so the inputs stay in step.
                foreach (Seat? seat in _seats)
                {
                    seat?.Input.Take(seat.Frame);
                }
            }

            for (; _nextFrame <= due; _nextFrame++)
            {
                MixFrame(_nextFrame);
            }
        }
    }

    private void MixFrame(long frame)
    {
        foreach (Seat? seat in _seats)
        {
            seat?.Input.Take(seat.Frame);
        }

        Array.Clear(_callerHears);
        for (int listener = 0; listener < _seats.Length; listener++)
        {
            Seat? seat = _seats[listener];
            if (seat is null)
            {
                continue;
            }

            Array.Clear(_sum);
            var audience = (ConferenceAudience)(1 << listener);
            for (int speaker = 0; speaker < _seats.Length; speaker++)
            {
                if (speaker != listener && _seats[speaker] is { } other && (other.HeardBy & audience) != 0)
                {
                    PcmMix.Accumulate(_sum, other.Frame);
                }
            }

            PcmMix.Clip(_sum, _output);
            seat.Output.Send(frame, _output);
            if (listener == (int)ConferenceParty.Caller)
            {
                _output.CopyTo(_callerHears, 0);
            }
        }

        if (_recording is not null)
        {
            // The caller alone on the left; on the right what the caller hears: the agent, a department, and a
            // supervisor only while barged in (a whisper or silent monitoring is not part of the conversation).
            _recording.WriteMixedFrame(frame, FrameOf(ConferenceParty.Caller), _callerHears);
        }
    }

    private short[] FrameOf(ConferenceParty party) => _seats[(int)party]?.Frame ?? _silence;

    /// <summary>Stops the frame clock and hands the recording back to the relay's packets.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_timer is not null)
            {
                _timer.Dispose();
                _timer = null;
                _recording?.EndMixedFeed();
            }

            Array.Clear(_seats);
        }
    }

    private sealed record Seat(JitterBuffer Input, OutboundStream Output)
    {
        public short[] Frame { get; } = new short[FrameSamples];

        /// <summary>Who hears this party; changed under the mixer's gate.</summary>
        public ConferenceAudience HeardBy { get; set; }
    }
}
