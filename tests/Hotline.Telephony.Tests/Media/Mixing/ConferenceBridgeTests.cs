using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Mixing;

/// <summary>
/// A relayed call turned three-party over real UDP on loopback: three peers each send a constant level
/// every 20 ms, and each must come to hear exactly the (G.711-quantised) sum of the other two.
/// </summary>
public sealed class ConferenceBridgeTests : IDisposable
{
    private const byte Pcmu = G711.PcmuPayloadType;
    private const byte Pcma = G711.PcmaPayloadType;
    private readonly string _directory = Directory.CreateTempSubdirectory("hotline-conf-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(2, 42400)]
    [InlineData(0, 42500)]
    public async Task Bridge_ThreePeers_EachHearsOthersThenAgentLeavesThenRelayAgain(int relayThreads, int portMin)
    {
        await using var call = ConferenceCall.Start(portMin, Pcmu, Pcma, Pcmu, Path.Combine(_directory, "call.wav"), relayThreads);
        var (caller, agent, department, bridge) = (call.Caller, call.Agent, call.Guest, call.Bridge);

        // Two-party first: the relay passes the caller's own packets to the agent.
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);

        bridge.Start(Pcmu, Pcma, Pcmu);
        // Several mixed packets, not the first: the recording below needs mixing ticks with all three in it,
        // and on a loaded machine the first mixed packet can come from the only tick before the agent leaves.
        await caller.WaitForLevelAsync(agent.Level + department.Level, times: 5);
        await agent.WaitForLevelAsync(caller.Level + department.Level);
        await department.WaitForLevelAsync(caller.Level + agent.Level);

        bridge.Remove(ConferenceParty.Agent);
        await caller.WaitForLevelAsync(department.Level);
        await department.WaitForLevelAsync(caller.Level);

        await bridge.DisposeAsync();
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);
        await caller.WaitForAsync(p => p.Ssrc == agent.Ssrc);
        await call.HangUpAsync();

        // The recording kept the caller left and got agent + department on the right while mixing.
        var frames = call.RecordedFrames();
        Assert.Contains(frames, f => f.Left == caller.Level && f.Right == agent.Level + department.Level);
        Assert.Contains(frames, f => f.Left == caller.Level && f.Right == agent.Level);
        Assert.DoesNotContain(frames, f => f.Left != 0 && f.Left != caller.Level);
        Assert.Equal(0, call.Relay.Caller.Faults + call.Relay.Agent.Faults + bridge.Guest.Faults);
    }

    [Theory]
    [InlineData(2, 42700)]
    [InlineData(0, 42750)]
    public async Task HandOverToGuest_AfterConsultation_CallerAndGuestRelayedPacketByPacketAndRecorded(int relayThreads, int portMin)
    {
        await using var call = ConferenceCall.Start(portMin, Pcma, Pcma, Pcma, Path.Combine(_directory, "consult.wav"), relayThreads);
        var (caller, agent, consulted, bridge) = (call.Caller, call.Agent, call.Guest, call.Bridge);
        await agent.WaitForAsync(p => p.Ssrc == caller.Ssrc);
        // Consulting: agent and consulted party talk through the mixer, the caller left out.
        bridge.Start(Pcma, Pcma, Pcma);
        bridge.Remove(ConferenceParty.Caller);
        await consulted.WaitForLevelAsync(agent.Level);

        bool direct = bridge.HandOverToGuest(Pcma, Pcma);

        // Each now receives the other's own stream (its SSRC), which a mix (our SSRC, re-encoded) never carries.
        Assert.True(direct);
        Assert.False(bridge.IsMixing(ConferenceParty.ThirdParty));
        // Half a second of both streams: the recording re-anchors each channel on its next packet after the mix.
        // The agent's phone goes on sending all the while: its leg is held back, not relayed nor recorded over the guest.
        await consulted.WaitForAsync(p => p.Ssrc == caller.Ssrc, times: 25);
        await caller.WaitForAsync(p => p.Ssrc == consulted.Ssrc, times: 25);
        long forwardedByGuest = bridge.Guest.Forwarded;
        await call.HangUpAsync();

        Assert.True(forwardedByGuest >= 25, $"guest leg forwarded {forwardedByGuest}");
        Assert.True(call.Relay.Agent.Held > 0, "the agent's stream after the handover was not held back");
        Assert.Equal(0, call.Relay.Caller.Faults + bridge.Guest.Faults);
        // The recording goes on from the relay's packets: the caller left, the consulted party right.
        Assert.Contains(call.RecordedFrames(), f => f.Left == caller.Level && f.Right == consulted.Level);
    }

    [Fact]
    public async Task HandOverToGuest_LawsDiffer_CallerSeatedInTheMixInstead()
    {
        await using var call = ConferenceCall.Start(42800, Pcmu, Pcma, Pcma);
        var bridge = call.Bridge;
        bridge.Start(Pcmu, Pcma, Pcma);
        bridge.Remove(ConferenceParty.Caller);

        bool direct = bridge.HandOverToGuest(Pcmu, Pcma);

        Assert.False(direct);
        Assert.True(bridge.IsMixing(ConferenceParty.Caller));
        Assert.False(bridge.IsMixing(ConferenceParty.Agent));
        await call.Caller.WaitForLevelAsync(call.Guest.Level);
        await call.Guest.WaitForLevelAsync(call.Caller.Level);
    }

    [Fact]
    public async Task Start_SecondBridgeOrNonG711_Refused()
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 42600, PortMax = 42640 });
        await using RtpRelay relay = RtpRelay.TryStart(ports)!;
        await using ConferenceBridge first = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System)!;
        await using ConferenceBridge second = ConferenceBridge.TryCreate(relay, ports, TimeProvider.System)!;
        first.Start(0, 0, 0);

        Assert.Throws<InvalidOperationException>(() => second.Start(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => second.Start(0, 0, 18));
        Assert.Equal(4, ports.Allocated);
    }
}
