using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class PromptPlayerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingSink _sink = new();

    [Fact]
    public void Play_400Samples_ThreeFramesPacedBy20msThenFinished()
    {
        var player = new PromptPlayer(_time, _sink, G711.PcmuPayloadType, 0xAAAA, 65535, 1000);
        short[] prompt = Enumerable.Range(0, 400).Select(i => (short)(i * 10)).ToArray();
        int finished = 0;

        player.Play([prompt], () => finished++);
        Assert.Single(_sink.Packets);
        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Single(_sink.Packets);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _sink.Packets.Count);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(3, _sink.Packets.Count);
        Assert.Equal(1, finished);
        Assert.False(player.IsPlaying);
        RtpHeader[] headers = _sink.Headers();
        Assert.Equal([(ushort)65535, (ushort)0, (ushort)1], headers.Select(h => h.SequenceNumber));
        Assert.Equal([1000u, 1160u, 1320u], headers.Select(h => h.Timestamp));
        Assert.Equal([true, false, false], headers.Select(h => h.Marker));
        Assert.All(headers, h => Assert.Equal(160, h.PayloadLength));
        byte[] last = _sink.Packets[2];
        Assert.Equal(G711.LinearToMuLaw(prompt[320]), last[12]);
        Assert.Equal(0xFF, last[12 + 80]);
    }

    [Fact]
    public void Play_AfterIdleSecond_TimestampFollowsClockAndMarkerSetAgain()
    {
        var player = new PromptPlayer(_time, _sink, G711.PcmaPayloadType, 1, 0, 0);
        player.Play([new short[160]]);
        _time.Advance(TimeSpan.FromSeconds(1));

        player.Play([new short[160]]);

        RtpHeader second = _sink.Headers()[1];
        Assert.Equal(8000u, second.Timestamp);
        Assert.Equal(1, second.SequenceNumber);
        Assert.True(second.Marker);
        Assert.Equal(G711.PcmaPayloadType, second.PayloadType);
    }

    [Fact]
    public void Stop_DuringPlay_NoMoreFramesAndNoFinished()
    {
        var player = new PromptPlayer(_time, _sink, G711.PcmuPayloadType, 1, 0, 0);
        bool finished = false;
        player.Play([new short[1600]], () => finished = true);
        _time.Advance(TimeSpan.FromMilliseconds(40));

        player.Stop();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, _sink.Packets.Count);
        Assert.False(finished);
    }

    [Fact]
    public void Play_Loop_KeepsPlayingPastEnd()
    {
        var player = new PromptPlayer(_time, _sink, G711.PcmuPayloadType, 1, 0, 0);
        player.Play([new short[320]], loop: true);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(51, _sink.Packets.Count);
        Assert.True(player.IsPlaying);
    }

    private sealed class CapturingSink : IRtpPacketSink
    {
        public List<byte[]> Packets { get; } = [];

        public void Send(ReadOnlySpan<byte> packet) => Packets.Add(packet.ToArray());

        public RtpHeader[] Headers() => Packets.Select(p =>
        {
            Assert.True(RtpPacketReader.TryParse(p, out RtpHeader h, out _));
            return h;
        }).ToArray();
    }
}
