using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV (caller left, agent right) by tapping the relay.
/// Each direction's first packet is placed by its arrival time on the recording's clock; later packets
/// by RTP timestamp relative to it (RFC 3550 §5.1: timestamps count samples), so silence suppression and
/// hold leave silence of the right length and both channels stay aligned. A new SSRC (re-INVITE,
/// transfer) or a timeline more than a second away from our clock re-anchors that channel on arrival.
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
    private readonly Lock _gate = new();
    private bool _closed;
    private bool _mixedFeed;

    public CallRecorder(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 16 * 1024);
        _writer = new StereoWavWriter(stream);
        _time = time;
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>Where the recording is written; goes on the call detail record.</summary>
    public string Path { get; }

    public void OnPacket(RtpLegSide from, in RtpHeader header, ReadOnlySpan<byte> datagram)
    {
        if (header.PayloadLength > MaxSamplesPerPacket)
        {
            return;
        }

        ReadOnlySpan<byte> payload = datagram.Slice(header.PayloadOffset, header.PayloadLength);
        Span<short> samples = _samples.AsSpan(0, payload.Length);
        lock (_gate)
        {
            // Only audio is recorded; telephone-events and comfort noise leave silence. While a conference
            // feeds the mix, the relay's packets are already in it.
            if (_closed || _mixedFeed || !G711.TryDecode(header.PayloadType, payload, samples))
            {
                return;
            }

            long position = _channels[(int)from].Place(header.Ssrc, header.Timestamp, ArrivalPosition());
            _writer.Write((int)from, position, samples);
        }
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

    /// <summary>Finishes the file (pads the shorter channel, fixes the WAV header).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
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
