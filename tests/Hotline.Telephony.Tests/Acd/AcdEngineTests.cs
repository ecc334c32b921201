using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Tests.Fakes;

namespace Hotline.Telephony.Tests.Acd;

public sealed class AcdEngineTests
{
    private readonly FakeTimeProvider _time = new();

    private static readonly AcdQueueOptions General = new()
    {
        Id = "general",
        Skill = "政务咨询",
        RingTimeout = TimeSpan.FromSeconds(15),
        WrapUp = TimeSpan.FromSeconds(30),
        MaxWait = TimeSpan.FromMinutes(5),
        CallbackOfferThreshold = TimeSpan.FromMinutes(4),
        DefaultHandleTime = TimeSpan.FromMinutes(3),
    };

    private AcdEngine Engine(AcdQueueOptions? queue = null, params string[] agents)
    {
        var engine = new AcdEngine(_time, new AcdOptions(), [queue ?? General]);
        foreach (string id in agents)
        {
            engine.UpsertAgent(id, new Dictionary<string, int> { ["政务咨询"] = 1 });
        }

        return engine;
    }

    private static string? OfferedTo(AcdOutcome outcome) => outcome.Events.OfType<CallOffered>().SingleOrDefault()?.AgentId;

    [Fact]
    public void Enqueue_TwoReadyAgents_LongestIdleGetsCall()
    {
        AcdEngine acd = Engine(null, "1001", "1002");
        acd.SetReady("1002");
        _time.Advance(TimeSpan.FromSeconds(10));
        acd.SetReady("1001");

        AcdOutcome outcome = acd.Enqueue("c1", "13800000000", "general");

        Assert.Equal("1002", OfferedTo(outcome));
        Assert.Equal(AgentState.Ringing, acd.FindAgent("1002")!.State);
        Assert.Equal(new CallQueued(_time.GetUtcNow(), "c1", "general", 1, TimeSpan.Zero), outcome.Events[0]);
    }

    [Fact]
    public void Enqueue_RoundRobin_AgentsTakeTurns()
    {
        AcdEngine acd = Engine(General with { Strategy = RoutingStrategy.RoundRobin, WrapUp = TimeSpan.Zero }, "1001", "1002", "1003");
        foreach (string id in new[] { "1003", "1001", "1002" })
        {
            acd.SetReady(id);
        }

        var offered = new List<string?>();
        for (int i = 0; i < 4; i++)
        {
            AcdOutcome outcome = acd.Enqueue($"c{i}", "1", "general");
            offered.Add(OfferedTo(outcome));
            acd.Answered($"c{i}", offered[^1]!);
            acd.CallEnded($"c{i}");
        }

        Assert.Equal(["1001", "1002", "1003", "1001"], offered);
    }

    [Fact]
    public void Enqueue_FewestCalls_AgentWithFewerAnsweredCallsFirst()
    {
        AcdEngine acd = Engine(General with { Strategy = RoutingStrategy.FewestCalls, WrapUp = TimeSpan.Zero }, "1001", "1002");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        acd.Answered("c1", "1001");
        acd.CallEnded("c1");
        _time.Advance(TimeSpan.FromMinutes(10));
        acd.SetReady("1002");

        Assert.Equal("1002", OfferedTo(acd.Enqueue("c2", "1", "general")));
    }

    [Fact]
    public void Enqueue_HigherSkillLevel_PreferredOverLongerIdle()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.UpsertAgent("2001", new Dictionary<string, int> { ["政务咨询"] = 3 });
        acd.UpsertAgent("3001", new Dictionary<string, int> { ["水电气热"] = 5 });
        acd.SetReady("1001");
        acd.SetReady("3001");
        _time.Advance(TimeSpan.FromMinutes(1));
        acd.SetReady("2001");

        Assert.Equal("2001", OfferedTo(acd.Enqueue("c1", "1", "general")));
        Assert.Equal("1001", OfferedTo(acd.Enqueue("c2", "1", "general")));
        Assert.Null(OfferedTo(acd.Enqueue("c3", "1", "general")));
    }

    [Fact]
    public void Enqueue_PriorityCaller_ServedBeforeEarlierOrdinaryCallers()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.Enqueue("ordinary", "1", "general");
        _time.Advance(TimeSpan.FromSeconds(30));
        acd.Enqueue("elderly", "2", "general", priority: 10);

        Assert.Equal(1, acd.Status("elderly")!.Position);
        Assert.Equal(2, acd.Status("ordinary")!.Position);
        AcdOutcome outcome = acd.SetReady("1001");

        Assert.Equal("elderly", outcome.Events.OfType<CallOffered>().Single().CallId);
    }

    [Fact]
    public void ProcessDue_RingTimeout_OfferedToNextAgentAndFirstBackToReady()
    {
        AcdEngine acd = Engine(null, "1001", "1002");
        acd.SetReady("1001");
        _time.Advance(TimeSpan.FromSeconds(1));
        acd.SetReady("1002");
        acd.Enqueue("c1", "1", "general");
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(15), acd.NextDueAt);

        _time.Advance(TimeSpan.FromSeconds(15));
        AcdOutcome outcome = acd.ProcessDue();

        Assert.Equal(new OfferEnded(_time.GetUtcNow(), "c1", "1001", OfferEndReason.RingTimeout), outcome.Events.OfType<OfferEnded>().Single());
        Assert.Equal("1002", OfferedTo(outcome));
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void ProcessDue_ThreeNoAnswersInARow_AgentNotReadyWithReason()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        for (int ring = 0; ring < 3; ring++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            acd.ProcessDue();
        }

        AcdAgent agent = acd.FindAgent("1001")!;
        Assert.Equal(AgentState.NotReady, agent.State);
        Assert.Equal("no answer 3 times in a row", agent.Reason);
        Assert.Null(acd.Waiting.Single().RingingAgent);
    }

    [Fact]
    public void CallEnded_Connected_WrapUpThenReadyAfterQueueWrapUpTime()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        _time.Advance(TimeSpan.FromSeconds(5));
        AcdOutcome answered = acd.Answered("c1", "1001");
        _time.Advance(TimeSpan.FromMinutes(2));
        acd.CallEnded("c1");

        Assert.Equal(TimeSpan.FromSeconds(5), answered.Events.OfType<CallAnswered>().Single().Waited);
        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(30), acd.NextDueAt);

        _time.Advance(TimeSpan.FromSeconds(29));
        acd.ProcessDue();
        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
        _time.Advance(TimeSpan.FromSeconds(1));
        acd.ProcessDue();
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
        Assert.Equal(TimeSpan.FromSeconds(150), acd.AverageHandleTime(General));
    }

    [Fact]
    public void EndWrapUp_DuringWrapUp_ReadyAndTakesWaitingCall()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        acd.Answered("c1", "1001");
        acd.Enqueue("c2", "2", "general");
        acd.CallEnded("c1");

        AcdOutcome outcome = acd.EndWrapUp("1001");

        Assert.Equal("1001", OfferedTo(outcome));
        Assert.True(acd.EndWrapUp("1001").IsRefused);
    }

    [Fact]
    public void Status_OneAgentBusy_PositionAndWaitGrowWithPlace()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
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
        _time.Advance(TimeSpan.FromMinutes(10));
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
        _time.Advance(TimeSpan.FromMinutes(5));

        AcdOutcome outcome = acd.ProcessDue();

        Assert.Equal(new CallOverflowed(_time.GetUtcNow(), "c1", "general", null, TimeSpan.FromMinutes(5)), outcome.Events[0]);
        Assert.Equal(CallbackKind.Overflow, outcome.Events.OfType<CallbackRequested>().Single().Request.Kind);
        Assert.Empty(acd.Waiting);
        Assert.Null(acd.NextDueAt);
    }

    [Fact]
    public void CallEnded_WhileRinging_AbandonedAgentReadyAndMissedCallCallback()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "13800000001", "general");
        _time.Advance(TimeSpan.FromSeconds(8));

        AcdOutcome outcome = acd.CallEnded("c1");

        Assert.Contains(new OfferEnded(_time.GetUtcNow(), "c1", "1001", OfferEndReason.CallerAbandoned), outcome.Events);
        Assert.Contains(new CallAbandoned(_time.GetUtcNow(), "c1", "general", TimeSpan.FromSeconds(8)), outcome.Events);
        Assert.Equal(CallbackKind.Abandoned, outcome.Events.OfType<CallbackRequested>().Single().Request.Kind);
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void SetOffline_OnCall_LeavesRoutingAndLaterHangUpDoesNotRevive()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        acd.Answered("c1", "1001");

        acd.SetOffline("1001", "registration expired");
        acd.CallEnded("c1");

        Assert.Equal(AgentState.Offline, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void OfferFailed_Unreachable_AgentNotReadyAndCallWaitsAgain()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");

        acd.OfferFailed("c1", "1001", OfferEndReason.Unreachable);

        Assert.Equal(("phone unreachable", AgentState.NotReady), (acd.FindAgent("1001")!.Reason, acd.FindAgent("1001")!.State));
        Assert.Null(acd.Waiting.Single().RingingAgent);
    }

    [Fact]
    public void Commands_InvalidForState_RefusedWithoutChange()
    {
        AcdEngine acd = Engine(null, "1001");
        acd.SetReady("1001");
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
        DateTimeOffset start = _time.GetUtcNow();
        acd.AgentRegistered("1001");
        acd.SetReady("1001");
        _time.Advance(TimeSpan.FromSeconds(3));
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
