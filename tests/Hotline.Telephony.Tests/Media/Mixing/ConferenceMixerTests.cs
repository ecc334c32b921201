using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Media.Mixing;

public sealed class ConferenceMixerTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingSink _caller = new(), _agent = new(), _third = new();
    private readonly CapturingRecording _recording = new();
    private int _frame;

    private ConferenceMixer Mixer(byte callerPt = G711.PcmuPayloadType, byte agentPt = G711.PcmuPayloadType, byte thirdPt = G711.PcmuPayloadType)
    {
        var mixer = new ConferenceMixer(_time, _recording);
        mixer.Join(ConferenceParty.Caller, _caller, callerPt);
        mixer.Join(ConferenceParty.Agent, _agent, agentPt);
        mixer.Join(ConferenceParty.ThirdParty, _third, thirdPt);
        mixer.Start();
        return mixer;
    }

    /// <summary>One 20 ms packet of a constant level from a party, encoded in the given law.</summary>
    private static void Speak(ConferenceMixer mixer, ConferenceParty party, byte payloadType, int frame, short level, uint ssrc = 0)
    {
        var payload = new byte[160];
        G711.Encode(payloadType, Enumerable.Repeat(level, 160).ToArray(), payload);
        var packet = new byte[12 + 160];
        RtpPacketWriter.Write(packet, payloadType, frame == 0, (ushort)frame, 8000 + (uint)(frame * 160), ssrc == 0 ? (uint)party + 1 : ssrc, payload);
        Assert.True(RtpPacketReader.TryParse(packet, out RtpHeader header, out _));
        mixer.OnPacket(party, header, packet);
    }

    /// <summary>Every party speaks one frame per 20 ms for <paramref name="frames"/> frames (null level: silent).</summary>
    private void Talk(ConferenceMixer mixer, int frames, short? caller, short? agent, short? third,
        byte callerPt = G711.PcmuPayloadType, byte agentPt = G711.PcmuPayloadType, byte thirdPt = G711.PcmuPayloadType)
    {
        for (int end = _frame + frames; _frame < end; _frame++)
        {
            int frame = _frame;
            if (caller is { } c)
            {
                Speak(mixer, ConferenceParty.Caller, callerPt, frame, c);
            }

            if (agent is { } a)
            {
                Speak(mixer, ConferenceParty.Agent, agentPt, frame, a);
            }

            if (third is { } t)
            {
                Speak(mixer, ConferenceParty.ThirdParty, thirdPt, frame, t);
            }

            _time.Advance(Frame);
        }
    }

    private static short Decoded(byte payloadType, short level)
    {
        var code = new byte[1];
        G711.Encode(payloadType, [level], code);
        return payloadType == G711.PcmuPayloadType ? G711.MuLawToLinear(code[0]) : G711.ALawToLinear(code[0]);
    }

    private static byte Expected(byte payloadType, int sum)
    {
        var code = new byte[1];
        G711.Encode(payloadType, [PcmMix.Saturate(sum)], code);
        return code[0];
    }

    private static void AssertLastPayload(CapturingSink sink, byte expected) =>
        Assert.All(sink.Payload(sink.Packets.Count - 1), b => Assert.Equal(expected, b));

    [Fact]
    public void Tick_ThreeConstantLevels_EachHearsSumOfOthersInOwnLaw()
    {
        using ConferenceMixer mixer = Mixer(G711.PcmuPayloadType, G711.PcmaPayloadType, G711.PcmuPayloadType);

        Talk(mixer, 10, 1000, 2000, -500, G711.PcmuPayloadType, G711.PcmaPayloadType, G711.PcmuPayloadType);

        short caller = Decoded(G711.PcmuPayloadType, 1000), agent = Decoded(G711.PcmaPayloadType, 2000), third = Decoded(G711.PcmuPayloadType, -500);
        AssertLastPayload(_caller, Expected(G711.PcmuPayloadType, agent + third));
        AssertLastPayload(_agent, Expected(G711.PcmaPayloadType, caller + third));
        AssertLastPayload(_third, Expected(G711.PcmuPayloadType, caller + agent));
        Assert.Equal(G711.PcmaPayloadType, _agent.Header(0).PayloadType);
        Assert.Equal(G711.PcmuPayloadType, _caller.Header(0).PayloadType);
    }

    [Fact]
    public void Tick_LoudPartiesOverflow_ListenerHearsSaturatedMax()
    {
        using ConferenceMixer mixer = Mixer();

        Talk(mixer, 10, 30000, 30000, 0);

        AssertLastPayload(_third, G711.LinearToMuLaw(short.MaxValue));
        AssertLastPayload(_caller, G711.LinearToMuLaw(Decoded(G711.PcmuPayloadType, 30000)));
    }

    [Fact]
    public void Tick_PcmaIn_PcmuOut_Transcoded()
    {
        using ConferenceMixer mixer = Mixer(G711.PcmuPayloadType, G711.PcmaPayloadType, G711.PcmuPayloadType);

        Talk(mixer, 10, null, -1234, null, agentPt: G711.PcmaPayloadType);

        AssertLastPayload(_caller, G711.LinearToMuLaw(Decoded(G711.PcmaPayloadType, -1234)));
        AssertLastPayload(_third, G711.LinearToMuLaw(Decoded(G711.PcmaPayloadType, -1234)));
        AssertLastPayload(_agent, G711.LinearToALaw(0));
    }

    [Fact]
    public void Tick_OnePartyMissesAFrame_OthersHearOnlyTheRestForThatFrame()
    {
        using ConferenceMixer mixer = Mixer();
        Talk(mixer, 5, 1000, 2000, 3000);
        int before = _caller.Packets.Count;

        // The agent's packet for one frame never arrives; caller and department go on.
        Talk(mixer, 1, 1000, null, 3000);
        Talk(mixer, 3, 1000, 2000, 3000);

        short agent = Decoded(0, 2000), third = Decoded(0, 3000);
        byte[][] heard = _caller.Packets.Skip(before).Select(p => p.AsSpan(12).ToArray()).ToArray();
        Assert.Contains(heard, p => p.All(b => b == Expected(0, third)));
        Assert.Equal(Expected(0, agent + third), heard[^1][0]);
    }

    [Fact]
    public void Leave_AgentLeaves_CallerAndDepartmentHearEachOtherOnly()
    {
        using ConferenceMixer mixer = Mixer();
        Talk(mixer, 5, 1000, 2000, 3000);

        mixer.Leave(ConferenceParty.Agent);
        int agentPackets = _agent.Packets.Count;
        Talk(mixer, 5, 1000, 2000, 3000);

        AssertLastPayload(_caller, Expected(0, Decoded(0, 3000)));
        AssertLastPayload(_third, Expected(0, Decoded(0, 1000)));
        Assert.Equal(agentPackets, _agent.Packets.Count);
        Assert.False(mixer.IsSeated(ConferenceParty.Agent));
        (long _, short[] left, short[] right) = _recording.Frames[^1];
        Assert.Equal(Decoded(0, 1000), left[0]);
        Assert.Equal(Decoded(0, 3000), right[0]);
    }

    [Fact]
    public void Join_AfterLeave_HeardAgainWithMarker()
    {
        using ConferenceMixer mixer = Mixer();
        Talk(mixer, 3, 1000, 2000, 3000);
        mixer.Leave(ConferenceParty.ThirdParty);
        Talk(mixer, 3, 1000, 2000, null);
        int before = _third.Packets.Count;

        mixer.Join(ConferenceParty.ThirdParty, _third, G711.PcmuPayloadType);
        Talk(mixer, 5, 1000, 2000, 3000);

        Assert.True(_third.Header(before).Marker);
        AssertLastPayload(_caller, Expected(0, Decoded(0, 2000) + Decoded(0, 3000)));
    }

    [Fact]
    public void Tick_OutboundStreams_OwnSsrcSequenceTimestampMarkerOnFirst()
    {
        using ConferenceMixer mixer = Mixer();

        Talk(mixer, 6, 1, 2, 3);

        Assert.Equal(6, _caller.Packets.Count);
        RtpHeader first = _caller.Header(0);
        Assert.True(first.Marker);
        for (int i = 1; i < 6; i++)
        {
            RtpHeader header = _caller.Header(i);
            Assert.False(header.Marker);
            Assert.Equal(first.Ssrc, header.Ssrc);
            Assert.Equal((ushort)(first.SequenceNumber + i), header.SequenceNumber);
            Assert.Equal(first.Timestamp + (uint)(160 * i), header.Timestamp);
            Assert.Equal(160, header.PayloadLength);
        }

        Assert.Equal(3, new[] { _caller.Header(0).Ssrc, _agent.Header(0).Ssrc, _third.Header(0).Ssrc }.Distinct().Count());
        Assert.NotEqual(1u, first.Ssrc);
    }

    [Fact]
    public void OnPacket_TelephoneEvent_NotMixed()
    {
        using ConferenceMixer mixer = Mixer();
        var packet = new byte[12 + 4];
        for (int frame = 0; frame < 5; frame++)
        {
            RtpPacketWriter.Write(packet, 101, frame == 0, (ushort)frame, 160, 9, [5, 10, 0, (byte)(frame * 160)]);
            Assert.True(RtpPacketReader.TryParse(packet, out RtpHeader header, out _));
            mixer.OnPacket(ConferenceParty.Caller, header, packet);
            _time.Advance(Frame);
        }

        Assert.All(_agent.Packets, p => Assert.All(p.AsSpan(12).ToArray(), b => Assert.Equal(G711.LinearToMuLaw(0), b)));
    }

    [Fact]
    public void Tick_Recording_CallerLeftAgentPlusDepartmentRight()
    {
        using ConferenceMixer mixer = Mixer();

        Talk(mixer, 5, 1000, 2000, -500);

        Assert.Equal(1, _recording.Begun);
        Assert.Equal(5, _recording.Frames.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => _recording.Frames[0].Frame + i), _recording.Frames.Select(f => f.Frame));
        Assert.All(_recording.Frames[^1].Left, s => Assert.Equal(Decoded(0, 1000), s));
        Assert.All(_recording.Frames[^1].Right, s => Assert.Equal(Decoded(0, 2000) + Decoded(0, -500), s));
        mixer.Dispose();
        Assert.Equal(1, _recording.Ended);
    }
}
