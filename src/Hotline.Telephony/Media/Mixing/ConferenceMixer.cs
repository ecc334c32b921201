using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Mixes up to three parties: every 20 ms each listener is sent the sum of the other parties' audio, in the
/// G.711 law it negotiated, as its own RTP stream. Inputs go through a <see cref="JitterBuffer"/> each, so a
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
    private readonly Seat?[] _seats = new Seat?[3];
    private readonly Lock _gate = new();
    private readonly short[] _decoded = new short[MaxPacketSamples];
    private readonly int[] _sum = new int[FrameSamples];
    private readonly short[] _output = new short[FrameSamples];
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

    /// <summary>Seats a party: from the next frame it is heard by the others and hears them.</summary>
    public void Join(ConferenceParty party, IRtpPacketSink sink, byte payloadType)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var seat = new Seat(new JitterBuffer(_jitterDepth, 8 * FrameSamples), new OutboundStream(sink, payloadType));
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
        Array.Clear(_sum);
        foreach (Seat? seat in _seats)
        {
            if (seat is not null)
            {
                seat.Input.Take(seat.Frame);
                PcmMix.Accumulate(_sum, seat.Frame);
            }
        }

        foreach (Seat? seat in _seats)
        {
            if (seat is not null)
            {
                PcmMix.MixMinus(_sum, seat.Frame, _output);
                seat.Output.Send(frame, _output);
            }
        }

        if (_recording is not null)
        {
            // Caller alone on the left, everyone on our side (agent, department) summed on the right.
            PcmMix.Add(FrameOf(ConferenceParty.Agent), FrameOf(ConferenceParty.ThirdParty), _output);
            _recording.WriteMixedFrame(frame, FrameOf(ConferenceParty.Caller), _output);
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
    }
}
