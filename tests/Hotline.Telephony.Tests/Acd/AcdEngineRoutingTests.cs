using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Acd;

public sealed class AcdEngineRoutingTests : AcdEngineTestBase
{
    [Fact]
    public void Enqueue_TwoReadyAgents_LongestIdleGetsCall()
    {
        AcdEngine acd = Engine(null, "1001", "1002");
        acd.SetReady("1002");
        Time.Advance(TimeSpan.FromSeconds(10));
        acd.SetReady("1001");

        AcdOutcome outcome = acd.Enqueue("c1", "13800000000", "general");

        Assert.Equal("1002", OfferedTo(outcome));
        Assert.Equal(AgentState.Ringing, acd.FindAgent("1002")!.State);
        Assert.Equal(new CallQueued(Time.GetUtcNow(), "c1", "general", 1, TimeSpan.Zero), outcome.Events[0]);
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
        Time.Advance(TimeSpan.FromMinutes(10));
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
        Time.Advance(TimeSpan.FromMinutes(1));
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
        Time.Advance(TimeSpan.FromSeconds(30));
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
        Time.Advance(TimeSpan.FromSeconds(1));
        acd.SetReady("1002");
        acd.Enqueue("c1", "1", "general");
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(15), acd.NextDueAt);

        Time.Advance(TimeSpan.FromSeconds(15));
        AcdOutcome outcome = acd.ProcessDue();

        Assert.Equal(new OfferEnded(Time.GetUtcNow(), "c1", "1001", OfferEndReason.RingTimeout), outcome.Events.OfType<OfferEnded>().Single());
        Assert.Equal("1002", OfferedTo(outcome));
        Assert.Equal(AgentState.Ready, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void ProcessDue_ThreeNoAnswersInARow_AgentNotReadyWithReason()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("c1", "1", "general");
        for (int ring = 0; ring < 3; ring++)
        {
            Time.Advance(TimeSpan.FromSeconds(15));
            acd.ProcessDue();
        }

        AcdAgent agent = acd.FindAgent("1001")!;
        Assert.Equal(AgentState.NotReady, agent.State);
        Assert.Equal("no answer 3 times in a row", agent.Reason);
        Assert.Null(acd.Waiting.Single().RingingAgent);
    }

    [Fact]
    public void OfferFailed_Unreachable_AgentNotReadyAndCallWaitsAgain()
    {
        AcdEngine acd = ReadyEngine("1001");
        acd.Enqueue("c1", "1", "general");

        acd.OfferFailed("c1", "1001", OfferEndReason.Unreachable);

        Assert.Equal(("phone unreachable", AgentState.NotReady), (acd.FindAgent("1001")!.Reason, acd.FindAgent("1001")!.State));
        Assert.Null(acd.Waiting.Single().RingingAgent);
    }
}
