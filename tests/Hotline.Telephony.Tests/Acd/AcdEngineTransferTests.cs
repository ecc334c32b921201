using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Tests.Acd;

public sealed class AcdEngineTransferTests : AcdEngineTestBase
{
    [Fact]
    public void Transfer_ToReadyAgent_OfferedToThatAgentOnlyAndTransfererWrapsUp()
    {
        // 1002 and 1003 are equally idle; routing alone would pick 1002 (id order).
        AcdEngine acd = Connected("1001", "1002", "1003");

        AcdOutcome outcome = acd.Transfer("c1", "1001", "1003");

        Assert.False(outcome.IsRefused, outcome.Refusal);
        Assert.Equal("1003", OfferedTo(outcome));
        CallOffered offer = outcome.Events.OfType<CallOffered>().Single();
        Assert.Equal(CallerNumber, offer.CallerNumber);
        Assert.Equal(AgentState.WrapUp, acd.FindAgent("1001")!.State);
        Assert.Equal(AcdEngine.TransferPriority, acd.Waiting.Single().Priority);
    }

    [Fact]
    public void Transfer_RingTimeout_TargetReleasedAndCallOfferedToAnother()
    {
        AcdEngine acd = Connected("1001", "1002", "1003");
        acd.Transfer("c1", "1001", "1003");

        Time.Advance(TimeSpan.FromSeconds(15));
        AcdOutcome due = acd.ProcessDue();

        OfferEnded ended = due.Events.OfType<OfferEnded>().Single();
        Assert.Equal(("1003", OfferEndReason.RingTimeout), (ended.AgentId, ended.Reason));
        Assert.Equal("1002", OfferedTo(due));
    }

    [Fact]
    public void Transfer_ToQueue_QueuedThereAtTransferPriority()
    {
        var utilities = General with { Id = "utilities" };
        var acd = new AcdEngine(Time, new AcdOptions(), [General, utilities]);
        acd.UpsertAgent("1001", new Dictionary<string, int> { ["政务咨询"] = 1 });
        acd.SetReady("1001");
        acd.Enqueue("c1", "1", "general");
        acd.Answered("c1", "1001");

        AcdOutcome outcome = acd.Transfer("c1", "1001", "utilities");

        Assert.Equal("utilities", outcome.Events.OfType<CallQueued>().Single().QueueId);
    }

    [Theory]
    [InlineData("1001", "neither a queue nor another agent")]
    [InlineData("9999", "neither a queue nor another agent")]
    public void Transfer_BadTarget_RefusedAndNothingChanges(string target, string reason)
    {
        AcdEngine acd = Connected("1001", "1002");

        AcdOutcome outcome = acd.Transfer("c1", "1001", target);

        Assert.Contains(reason, outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(AgentState.OnCall, acd.FindAgent("1001")!.State);
        Assert.Empty(acd.Waiting);
    }

    [Fact]
    public void Transfer_TargetNotReady_Refused()
    {
        AcdEngine acd = Connected("1001", "1002");
        acd.SetNotReady("1002", "lunch");

        AcdOutcome outcome = acd.Transfer("c1", "1001", "1002");

        Assert.Contains("NotReady", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(AgentState.OnCall, acd.FindAgent("1001")!.State);
    }

    [Fact]
    public void Transfer_ByAgentNotOnTheCall_Refused()
    {
        AcdEngine acd = Connected("1001", "1002");

        Assert.True(acd.Transfer("c1", "1002", "general").IsRefused);
    }
}
