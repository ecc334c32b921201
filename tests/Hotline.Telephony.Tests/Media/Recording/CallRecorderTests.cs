using System.Buffers.Binary;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Media.Recording;

public sealed class CallRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-rec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void OnPacket_BothSidesWithHoldGap_ChannelsAlignedByArrivalAndTimestamp()
    {
        var time = new FakeTimeProvider();
        string path = RecordingPaths.For(_directory, "call-1", time.GetUtcNow());
        var recorder = new CallRecorder(path, time);
        uint callerBase = 4_000_000_000, agentBase = 77;

        // The agent's stream starts 40 ms (320 samples) after the caller's; the caller's timestamp wraps.
        for (int tick = 0; tick < 100; tick++)
        {
            Send(recorder, RtpLegSide.Caller, G711.PcmuPayloadType, callerBase + (uint)(tick * 160), 0x1234, tick);
            if (tick >= 2)
            {
                Send(recorder, RtpLegSide.Agent, G711.PcmuPayloadType, agentBase + (uint)((tick - 2) * 160), 0x5678, tick);
            }

            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        recorder.Dispose();

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(44 + (100 * 160 * 4), file.Length);
        Assert.Equal(G711.MuLawToLinear(Tone(0)), Left(file, 0));
        Assert.Equal(0, Right(file, 319));
        Assert.Equal(G711.MuLawToLinear(Tone(2)), Right(file, 320));
        Assert.Equal(G711.MuLawToLinear(Tone(60)), Left(file, 60 * 160));
        Assert.Equal(G711.MuLawToLinear(Tone(60)), Right(file, 60 * 160));
    }

    [Fact]
    public void OnPacket_AgentOnHoldSendsNothing_AgentChannelSilentThenResumesInPlace()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "hold.wav");
        var recorder = new CallRecorder(path, time);

        for (int packet = 0; packet < 50; packet++)
        {
            Send(recorder, RtpLegSide.Caller, G711.PcmuPayloadType, (uint)(packet * 160), 1, packet);
            if (packet is < 10 or >= 40)
            {
                // Hold between packets 10 and 40: the agent's timestamps keep counting (RFC 3550 §5.1).
                Send(recorder, RtpLegSide.Agent, G711.PcmaPayloadType, 500 + (uint)(packet * 160), 2, packet);
            }

            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        recorder.Dispose();

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(44 + (50 * 160 * 4), file.Length);
        Assert.Equal(G711.ALawToLinear(Tone(9)), Right(file, (9 * 160) + 5));
        Assert.Equal(0, Right(file, (10 * 160) + 5));
        Assert.Equal(0, Right(file, (39 * 160) + 159));
        Assert.Equal(G711.ALawToLinear(Tone(40)), Right(file, (40 * 160) + 5));
        Assert.Equal(G711.MuLawToLinear(Tone(25)), Left(file, (25 * 160) + 5));
    }

    [Fact]
    public void OnPacket_TimestampLeapsAnHour_ReanchoredSoFileFollowsRealTime()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "leap.wav");
        var recorder = new CallRecorder(path, time);

        for (int packet = 0; packet < 10; packet++)
        {
            // A broken or hostile sender: every packet claims to be an hour after the previous one.
            Send(recorder, RtpLegSide.Caller, G711.PcmuPayloadType, (uint)(packet * 8000 * 3600), 1, packet);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        recorder.Dispose();

        Assert.Equal(44 + (10 * 160 * 4), new FileInfo(path).Length);
    }

    [Fact]
    public void OnPacket_TelephoneEvent_NotRecorded()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "dtmf.wav");
        var recorder = new CallRecorder(path, time);

        Send(recorder, RtpLegSide.Caller, 101, 0, 1, 0);
        recorder.Dispose();

        Assert.Equal(44, new FileInfo(path).Length);
    }

    [Fact]
    public void WriteMixedFrame_ConferenceInTheMiddle_PacketsIgnoredMixRecordedThenPacketsAgain()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "conference.wav");
        var recorder = new CallRecorder(path, time);
        short[] left = Enumerable.Repeat((short)111, 160).ToArray(), right = Enumerable.Repeat((short)-222, 160).ToArray();

        for (int packet = 0; packet < 30; packet++)
        {
            if (packet == 10)
            {
                recorder.BeginMixedFeed();
            }

            if (packet == 20)
            {
                recorder.EndMixedFeed();
            }

            // The relay tap keeps delivering both legs throughout; during the conference the mix replaces them.
            Send(recorder, RtpLegSide.Caller, G711.PcmuPayloadType, (uint)(packet * 160), 1, packet);
            Send(recorder, RtpLegSide.Agent, G711.PcmuPayloadType, (uint)(packet * 160), 2, packet);
            if (packet is >= 10 and < 20)
            {
                recorder.WriteMixedFrame(1000 + packet, left, right);
            }

            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        recorder.Dispose();

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(44 + (30 * 160 * 4), file.Length);
        Assert.Equal(G711.MuLawToLinear(Tone(9)), Left(file, (9 * 160) + 5));
        Assert.Equal(111, Left(file, 10 * 160));
        Assert.Equal(-222, Right(file, (19 * 160) + 159));
        Assert.Equal(G711.MuLawToLinear(Tone(20)), Left(file, 20 * 160));
        Assert.Equal(G711.MuLawToLinear(Tone(29)), Right(file, (29 * 160) + 159));
    }

    [Fact]
    public async Task OnPacket_BothLegsFloodFromTwoThreads_EveryPacketWrittenInPlace()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "flood.wav");
        var recorder = new CallRecorder(path, time);

        // Far faster than real time (within the recorder's one-second drift bound, as the clock stands still):
        // more than a batch arrives before the thread-pool drain runs, so receive threads write too.
        await Task.WhenAll(
            Task.Run(() => Flood(recorder, RtpLegSide.Caller, 1)),
            Task.Run(() => Flood(recorder, RtpLegSide.Agent, 2)));
        recorder.Dispose();

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(44 + (Flooded * 160 * 4), file.Length);
        for (int packet = 0; packet < Flooded; packet++)
        {
            Assert.Equal(G711.MuLawToLinear(Tone(packet)), Left(file, (packet * 160) + 80));
            Assert.Equal(G711.MuLawToLinear(Tone(packet)), Right(file, (packet * 160) + 80));
        }
    }

    private const int Flooded = 48;

    private static void Flood(CallRecorder recorder, RtpLegSide side, uint ssrc)
    {
        for (int packet = 0; packet < Flooded; packet++)
        {
            Send(recorder, side, G711.PcmuPayloadType, (uint)(packet * 160), ssrc, packet);
        }
    }

    [Fact]
    public void WriteMixedFrame_WithoutBegin_Ignored()
    {
        var time = new FakeTimeProvider();
        string path = Path.Combine(_directory, "nofeed.wav");
        var recorder = new CallRecorder(path, time);

        recorder.WriteMixedFrame(0, new short[160], new short[160]);
        recorder.Dispose();

        Assert.Equal(44, new FileInfo(path).Length);
    }

    [Fact]
    public void For_HostileCallId_StaysUnderDataDirectory()
    {
        string path = RecordingPaths.For("/data", "../../etc/passwd", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal("/data/recordings/2026/01/02/______etc_passwd.wav", path);
    }

    private static byte Tone(int packet) => (byte)(0x10 + packet);

    private static void Send(CallRecorder recorder, RtpLegSide side, byte payloadType, uint timestamp, uint ssrc, int packet)
    {
        var datagram = new byte[12 + 160];
        var payload = Enumerable.Repeat(Tone(packet), 160).ToArray();
        RtpPacketWriter.Write(datagram, payloadType, false, (ushort)packet, timestamp, ssrc, payload);
        RtpPacketReader.TryParse(datagram, out RtpHeader header, out _);
        recorder.OnPacket(side, header, datagram);
    }

    private static short Left(byte[] file, int frame) => BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(44 + (frame * 4)));

    private static short Right(byte[] file, int frame) => BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(46 + (frame * 4)));
}
