using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Tests.Acd;

/// <summary>An agent's phone busy with something other than a call of its own (a supervisor monitoring), and placed calls.</summary>
public sealed class AcdEngineOccupyTests : AcdEngineTestBase
{
    [Fact]
    public void Occupy_ReadyAgent_NotOfferedWaitingCallsUntilVacatedThenOfferedFirst()
    {
        AcdEngine acd = ReadyEngine("9001");

        AcdOutcome occupied = acd.Occupy("c0/monitor", "9001", "monitoring call c0");
        AcdOutcome waiting = acd.Enqueue("c1", "1", "general");

        Assert.False(occupied.IsRefused);
        Assert.Null(OfferedTo(waiting));
        Assert.Equal((AgentState.OnCall, "c0/monitor"), (acd.FindAgent("9001")!.State, acd.FindAgent("9001")!.CallId));
        Assert.True(acd.SetReady("9001").IsRefused);

        AcdOutcome vacated = acd.Vacate("c0/monitor", "9001");

        Assert.Equal("9001", OfferedTo(vacated));
        Assert.Equal(AgentState.Ringing, acd.FindAgent("9001")!.State);
    }

    [Fact]
    public void Vacate_WasNotReady_NotReadyWithItsReasonAndNoWrapUp()
    {
        AcdEngine acd = Engine(null, "9001");
        acd.SetNotReady("9001", "supervising");
        acd.Enqueue("c1", "1", "general");

        acd.Occupy("c0/monitor", "9001", "monitoring call c0");
        AcdOutcome vacated = acd.Vacate("c0/monitor", "9001");

        Assert.Null(OfferedTo(vacated));
        Assert.Equal((AgentState.NotReady, "supervising"), (acd.FindAgent("9001")!.State, acd.FindAgent("9001")!.Reason));
        Assert.Null(acd.FindAgent("9001")!.CallId);
    }

    [Fact]
    public void Occupy_RingingTalkingOrOffline_RefusedAndStateKept()
    {
        AcdEngine acd = Engine(null, "1001", "1002");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");

        AcdOutcome ringing = acd.Occupy("c0/monitor", "1001", "monitoring call c0");
        AcdOutcome offline = acd.Occupy("c0/monitor", "1002", "monitoring call c0");
        AcdOutcome unknown = acd.Occupy("c0/monitor", "4242", "monitoring call c0");

        Assert.Equal("agent 1001 is Ringing", ringing.Refusal);
        Assert.Equal("agent 1002 is Offline", offline.Refusal);
        Assert.True(unknown.IsRefused);
        Assert.Equal(("c1", AgentState.Ringing), (acd.FindAgent("1001")!.CallId, acd.FindAgent("1001")!.State));
    }

    [Fact]
    public void Vacate_AgentWentOfflineMeanwhile_StaysOffline()
    {
        AcdEngine acd = ReadyEngine("9001");
        acd.Occupy("c0/monitor", "9001", "monitoring call c0");
        acd.SetOffline("9001", "registration expired");

        acd.Vacate("c0/monitor", "9001");

        Assert.Equal(AgentState.Offline, acd.FindAgent("9001")!.State);
    }

    [Fact]
    public void CallEnded_SeizedForAPlacedCall_AgentWrapsUp()
    {
        AcdEngine acd = ReadyEngine("1001");

        Assert.False(acd.Seize("out1", "1001", "general", "13900000000").IsRefused);
        acd.CallEnded("out1");

        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
    }
}
