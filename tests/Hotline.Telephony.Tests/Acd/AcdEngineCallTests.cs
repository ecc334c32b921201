using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Acd;

public sealed class AcdEngineCallTests : AcdEngineTestBase
{
    [Fact]
    public void CallEnded_Connected_WrapUpThenReadyAfterQueueWrapUpTime()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("c1", "1", "general");
        Time.Advance(TimeSpan.FromSeconds(5));
        AcdOutcome answered = acd.Answered("c1", "1001");
        Time.Advance(TimeSpan.FromMinutes(2));
        acd.CallEnded("c1");

        Assert.Equal(TimeSpan.FromSeconds(5), answered.Events.OfType<CallAnswered>().Single().Waited);
        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(30), acd.NextDueAt);

        Time.Advance(TimeSpan.FromSeconds(29));
        acd.ProcessDue();
        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
        Time.Advance(TimeSpan.FromSeconds(1));
        acd.ProcessDue();
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
        Assert.Equal(TimeSpan.FromSeconds(150), acd.AverageHandleTime(General));
    }

    [Fact]
    public void EndWrapUp_DuringWrapUp_ReadyAndTakesWaitingCall()
    {
        AcdEngine acd = Connected("1001");
        acd.Enqueue("c2", "2", "general");
        acd.CallEnded("c1");

        AcdOutcome outcome = acd.EndWrapUp("1001");

        Assert.Equal("1001", OfferedTo(outcome));
        Assert.True(acd.EndWrapUp("1001").IsRefused);
    }

    [Fact]
    public void Status_OneAgentBusy_PositionAndWaitGrowWithPlace()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("talking", "0", "general");
        acd.Answered("talking", "1001");
        AcdOutcome first = acd.Enqueue("c1", "1", "general");
        AcdOutcome second = acd.Enqueue("c2", "2", "general");

        Assert.Equal(new QueueStatus(1, TimeSpan.FromMinutes(3), false), acd.Status("c1"));
        Assert.Equal(new QueueStatus(2, TimeSpan.FromMinutes(6), false), acd.Status("c2"));
        Assert.Empty(first.Events.OfType<CallbackOffered>());
        Assert.Equal(TimeSpan.FromMinutes(6), second.Events.OfType<CallbackOffered>().Single().EstimatedWait);
    }

    [Fact]
    public void Enqueue_NobodyStaffed_WaitUnknownAndCallbackOffered()
    {
        AcdEngine acd = Engine(null, "1001");

        AcdOutcome outcome = acd.Enqueue("c1", "1", "general");

        Assert.Null(outcome.Events.OfType<CallQueued>().Single().EstimatedWait);
        Assert.Single(outcome.Events.OfType<CallbackOffered>());
        Assert.False(acd.Status("c1")!.OfferCallback);
    }

    [Fact]
    public void AcceptCallback_KeepsPlaceAndIsOfferedAsCallbackWithNumber()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.Enqueue("c1", "13800000001", "general");
        acd.Enqueue("c2", "13800000002", "general");

        AcdOutcome accepted = acd.AcceptCallback("c1", "02812345678");
        acd.CallEnded("c1");
        Time.Advance(TimeSpan.FromMinutes(10));
        AcdOutcome ready = acd.SetReady("1001");

        CallbackRequest request = accepted.Events.OfType<CallbackRequested>().Single().Request;
        Assert.Equal(("c1", "02812345678", CallbackKind.Queued), (request.CallId, request.Number, request.Kind));
        CallOffered offer = ready.Events.OfType<CallOffered>().Single();
        Assert.Equal(("c1", "02812345678", true), (offer.CallId, offer.CallerNumber, offer.IsCallback));
        Assert.Contains(ready.Events, e => e is CallOverflowed { CallId: "c2" });
    }

    [Fact]
    public void ProcessDue_MaxWaitPassed_OverflowsAndRequestsCallbackWithoutTarget()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.Enqueue("c1", "13800000001", "general");
        Time.Advance(TimeSpan.FromMinutes(5));

        AcdOutcome outcome = acd.ProcessDue();

        Assert.Equal(new CallOverflowed(Time.GetUtcNow(), "c1", "general", null, TimeSpan.FromMinutes(5)), outcome.Events[0]);
        Assert.Equal(CallbackKind.Overflow, outcome.Events.OfType<CallbackRequested>().Single().Request.Kind);
        Assert.Empty(acd.Waiting);
        Assert.Null(acd.NextDueAt);
    }

    [Fact]
    public void CallEnded_WhileRinging_AbandonedAgentReadyAndMissedCallCallback()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("c1", "13800000001", "general");
        Time.Advance(TimeSpan.FromSeconds(8));

        AcdOutcome outcome = acd.CallEnded("c1");

        Assert.Contains(new OfferEnded(Time.GetUtcNow(), "c1", "1001", OfferEndReason.CallerAbandoned), outcome.Events);
        Assert.Contains(new CallAbandoned(Time.GetUtcNow(), "c1", "general", TimeSpan.FromSeconds(8)), outcome.Events);
        Assert.Equal(CallbackKind.Abandoned, outcome.Events.OfType<CallbackRequested>().Single().Request.Kind);
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void SetOffline_OnCall_LeavesRoutingAndLaterHangUpDoesNotRevive()
    {
        AcdEngine acd = Connected("1001");

        acd.SetOffline("1001", "registration expired");
        acd.CallEnded("c1");

        Assert.Equal(AgentState.Offline, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void Commands_InvalidForState_RefusedWithoutChange()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("c1", "1", "general");

        Assert.True(acd.SetReady("1001").IsRefused);
        Assert.True(acd.Answered("c1", "9999").IsRefused);
        Assert.True(acd.SetReady("nobody").IsRefused);
        Assert.True(acd.Enqueue("c1", "1", "general").IsRefused);
        Assert.True(acd.Enqueue("c9", "1", "no-such-queue").IsRefused);
        acd.Answered("c1", "1001");
        Assert.Contains("on call", acd.SetNotReady("1001", "lunch").Refusal, StringComparison.Ordinal);
        Assert.Equal(AgentState.OnCall, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void History_EveryChangeKeptWithTimeAndReason()
    {
        AcdEngine acd = Engine(null, "1001");
        DateTimeOffset start = Time.GetUtcNow();
        acd.AgentRegistered("1001");
        acd.SetReady("1001");
        Time.Advance(TimeSpan.FromSeconds(3));
        acd.Enqueue("c1", "1", "general");
        acd.Answered("c1", "1001");
        acd.CallEnded("c1");
        acd.SetNotReady("1001", "培训");

        Assert.Equal(
            [
                new AgentStateChange(start, AgentState.Offline, AgentState.NotReady, "registered"),
                new AgentStateChange(start, AgentState.NotReady, AgentState.Ready, "agent ready"),
                new AgentStateChange(start.AddSeconds(3), AgentState.Ready, AgentState.Ringing, "offered call", "c1"),
                new AgentStateChange(start.AddSeconds(3), AgentState.Ringing, AgentState.OnCall, "answered", "c1"),
                new AgentStateChange(start.AddSeconds(3), AgentState.OnCall, AgentState.WrapUp, "call ended", "c1"),
                new AgentStateChange(start.AddSeconds(3), AgentState.WrapUp, AgentState.NotReady, "培训"),
            ],
            acd.FindAgent("1001")!.History);
    }
}
