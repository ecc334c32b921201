using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>
/// Who hears a monitoring supervisor (its <see cref="ConferenceAudience"/>), frame by frame on a fake clock:
/// every listener's mix and the recording's right channel follow the audience from the next frame.
/// </summary>
public sealed class ConferenceMixerAudienceTests
{
    private const short CallerLevel = 1000, AgentLevel = 2000, SupervisorLevel = -3000;
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingSink _caller = new(), _agent = new(), _supervisor = new();
    private readonly CapturingRecording _recording = new();
    private int _frame;

    [Theory]
    [InlineData(ConferenceAudience.None, false, false)]
    [InlineData(ConferenceAudience.Agent, false, true)]
    [InlineData(ConferenceAudience.Caller | ConferenceAudience.Agent, true, true)]
    public void SetAudience_Supervisor_HeardByTheAudienceOnlyAndRecordedOnlyWhenTheCallerHearsIt(
        ConferenceAudience audience, bool callerHears, bool agentHears)
    {
        using var mixer = new ConferenceMixer(_time, _recording);
        mixer.Join(ConferenceParty.Caller, _caller, G711.PcmuPayloadType);
        mixer.Join(ConferenceParty.Agent, _agent, G711.PcmuPayloadType);
        mixer.Join(ConferenceParty.Supervisor, _supervisor, G711.PcmuPayloadType, ConferenceAudience.Everyone);
        mixer.Start();
        Talk(mixer, 5);

        Assert.True(mixer.SetAudience(ConferenceParty.Supervisor, audience));
        Talk(mixer, 5);

        short caller = Decoded(CallerLevel), agent = Decoded(AgentLevel), supervisor = Decoded(SupervisorLevel);
        AssertHears(_caller, agent + (callerHears ? supervisor : 0));
        AssertHears(_agent, caller + (agentHears ? supervisor : 0));
        AssertHears(_supervisor, caller + agent);
        var (_, left, right) = _recording.Frames[^1];
        Assert.All(left, s => Assert.Equal(caller, s));
        Assert.All(right, s => Assert.Equal(PcmMix.Saturate(agent + (callerHears ? supervisor : 0)), s));
        Assert.False(mixer.SetAudience(ConferenceParty.ThirdParty, ConferenceAudience.None));
    }

    private void Talk(ConferenceMixer mixer, int frames)
    {
        for (int end = _frame + frames; _frame < end; _frame++)
        {
            Speak(mixer, ConferenceParty.Caller, CallerLevel);
            Speak(mixer, ConferenceParty.Agent, AgentLevel);
            Speak(mixer, ConferenceParty.Supervisor, SupervisorLevel);
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }
    }

    private void Speak(ConferenceMixer mixer, ConferenceParty party, short level)
    {
        var payload = new byte[160];
        G711.Encode(G711.PcmuPayloadType, Enumerable.Repeat(level, 160).ToArray(), payload);
        var packet = new byte[12 + 160];
        RtpPacketWriter.Write(packet, G711.PcmuPayloadType, _frame == 0, (ushort)_frame, 8000 + (uint)(_frame * 160), (uint)party + 1, payload);
        Assert.True(RtpPacketReader.TryParse(packet, out RtpHeader header, out _));
        mixer.OnPacket(party, header, packet);
    }

    private static short Decoded(short level)
    {
        var code = new byte[1];
        G711.Encode(G711.PcmuPayloadType, [level], code);
        return G711.MuLawToLinear(code[0]);
    }

    private static void AssertHears(CapturingSink sink, int sum)
    {
        var expected = new byte[1];
        G711.Encode(G711.PcmuPayloadType, [PcmMix.Saturate(sum)], expected);
        Assert.All(sink.Payload(sink.Packets.Count - 1), b => Assert.Equal(expected[0], b));
    }
}
