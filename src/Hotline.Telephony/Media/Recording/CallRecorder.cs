using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV (caller left, agent right) by tapping the relay.
/// Each direction's first packet is placed by its arrival time on the recording's clock; later packets
/// by RTP timestamp relative to it (RFC 3550 §5.1: timestamps count samples), so silence suppression and
/// hold leave silence of the right length and both channels stay aligned. A new SSRC (re-INVITE,
/// transfer) or a timeline more than a second away from our clock re-anchors that channel on arrival.
/// The relay's receive thread only notes the arrival time and copies the packet into a batch; decoding and
/// file writes happen on the process's <see cref="RecordingDrain"/> thread, so a slow disk never delays
/// forwarding.
/// </summary>
public sealed class CallRecorder : IRtpPacketTap, IMixedRecording, IDisposable
{
    // How far a channel's RTP timeline may drift from our clock before it is re-anchored on arrival time.
    // Bounds the damage of a broken or hostile sender: timestamps cannot make the file grow faster than
    // real time, nor pull audio more than this far out of line with the other channel.
    private const long MaxDrift = StereoWavWriter.SampleRate;
    private const int MaxSamplesPerPacket = 1024;

    // Stands in for an SSRC on the mixed feed; Restart() on each switch keeps it from matching a real one.
    private const uint MixedFeedSsrc = 0;

    private readonly StereoWavWriter _writer;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly ChannelState[] _channels = [new(), new()];
    private readonly short[] _samples = new short[MaxSamplesPerPacket];

    // _gate serialises the writer (drains, mixed frames, close); _queueGate only guards the batch swap, so
    // the receive thread never waits for a file write.
    private readonly Lock _gate = new();
    private readonly Lock _queueGate = new();
    private RecordedPacketBatch _filling = new();
    private RecordedPacketBatch _draining = new();
    private bool _closed;
    private volatile bool _mixedFeed;
    private long _inlineDrains;

    public CallRecorder(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 16 * 1024);
        _writer = new StereoWavWriter(stream);
        _time = time;
        _startTimestamp = time.GetTimestamp();
        RecordingDrain.Register(this);
    }

    /// <summary>Where the recording is written; goes on the call detail record.</summary>
    public string Path { get; }

    /// <summary>Times a receive thread had to write the batch itself because the drain fell a whole batch behind.</summary>
    public long InlineDrains => Interlocked.Read(ref _inlineDrains);

    public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram)
    {
        // Only audio is recorded; telephone-events and comfort noise leave silence. While a conference
        // feeds the mix, the relay's packets are already in it.
        if (header.PayloadLength > MaxSamplesPerPacket
            || header.PayloadType is not (G711.PcmuPayloadType or G711.PcmaPayloadType)
            || _mixedFeed)
        {
            return;
        }

        ReadOnlySpan<byte> payload = datagram.Slice(header.PayloadOffset, header.PayloadLength);
        long arrival = ArrivalPosition();
        bool added;
        lock (_queueGate)
        {
            if (_closed)
            {
                return;
            }

            added = _filling.TryAdd(from, header, payload, arrival);
        }

        if (!added)
        {
            // The drain is a whole batch behind (a starved machine): keeping the recording whole matters more
            // than this packet's forwarding latency, so this thread writes the batch, then the packet.
            Interlocked.Increment(ref _inlineDrains);
            lock (_gate)
            {
                DrainLocked();
                lock (_queueGate)
                {
                    if (!_closed)
                    {
                        _filling.TryAdd(from, header, payload, arrival);
                    }
                }
            }
        }
    }

    /// <summary>Writes what the receive threads have batched so far (the drain thread's call).</summary>
    internal void Drain()
    {
        lock (_gate)
        {
            DrainLocked();
        }
    }

    /// <summary>Writes what the receive threads have batched. Caller holds <see cref="_gate"/>.</summary>
    private void DrainLocked()
    {
        RecordedPacketBatch batch;
        lock (_queueGate)
        {
            batch = _filling;
            _filling = _draining;
            _draining = batch;
        }

        // Packets batched just before a conference took over the recording are dropped with the rest.
        if (!_closed && !_mixedFeed)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                ref readonly RecordedPacketBatch.Entry entry = ref batch[i];
                Span<short> samples = _samples.AsSpan(0, entry.Length);
                G711.TryDecode(entry.PayloadType, batch.Payload(entry), samples);
                long position = _channels[(int)entry.Side].Place(entry.Ssrc, entry.Timestamp, entry.Arrival);
                _writer.Write((int)entry.Side, position, samples);
            }
        }

        batch.Clear();
    }

    public void BeginMixedFeed() => SwitchFeed(mixed: true);

    public void EndMixedFeed() => SwitchFeed(mixed: false);

    public void WriteMixedFrame(long frame, ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        if (left.Length != right.Length || left.Length > MaxSamplesPerPacket)
        {
            throw new ArgumentException("Mixed frames are two equal spans of at most 1024 samples.", nameof(right));
        }

        // The feed is one timeline for both channels: frame numbers play the part of RTP timestamps.
        uint timestamp = (uint)(frame * left.Length);
        lock (_gate)
        {
            if (_closed || !_mixedFeed)
            {
                return;
            }

            long arrival = ArrivalPosition();
            _writer.Write(0, _channels[0].Place(MixedFeedSsrc, timestamp, arrival), left);
            _writer.Write(1, _channels[1].Place(MixedFeedSsrc, timestamp, arrival), right);
        }
    }

    private void SwitchFeed(bool mixed)
    {
        lock (_gate)
        {
            // What the relay delivered before the switch belongs before it in the file.
            DrainLocked();
            _mixedFeed = mixed;

            // Whichever source comes next is placed by its arrival, not by the other source's timeline.
            foreach (ChannelState channel in _channels)
            {
                channel.Restart();
            }
        }
    }

    private long ArrivalPosition() =>
        (long)(_time.GetElapsedTime(_startTimestamp).TotalSeconds * StereoWavWriter.SampleRate);

    /// <summary>Finishes the file (writes what is batched, pads the shorter channel, fixes the WAV header).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            DrainLocked();
            lock (_queueGate)
            {
                _closed = true;
            }

            _writer.Dispose();
        }

        RecordingDrain.Unregister(this);
    }

    private sealed class ChannelState
    {
        private readonly RtpTimestampUnwrapper _unwrapper = new();
        private bool _started;
        private uint _ssrc;
        private long _anchor;

        public void Restart() => _started = false;

        public long Place(uint ssrc, uint timestamp, long arrival)
        {
            if (_started && ssrc == _ssrc)
            {
                long position = _anchor + _unwrapper.Unwrap(timestamp);
                if (Math.Abs(position - arrival) <= MaxDrift)
                {
                    return position;
                }
            }

            _started = true;
            _ssrc = ssrc;
            _unwrapper.Reset();
            _unwrapper.Unwrap(timestamp);
            _anchor = arrival;
            return arrival;
        }
    }
}
