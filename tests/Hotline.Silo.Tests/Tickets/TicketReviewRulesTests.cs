using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketReviewRulesTests
{
    private readonly TicketScenario _scenario = new TicketScenario().Create().Dispatch().Claim().Reply();

    [Fact]
    public void ReviewReply_Approve_AwaitingCallback()
    {
        _scenario.ApproveReply();
        Assert.Equal(TicketState.AwaitingCallback, _scenario.View.State);
    }

    [Fact]
    public void ReviewReply_Reject_BackToClaimedForRework()
    {
        _scenario.Apply(TicketReviewRules.ReviewReply(_scenario.State, new ReviewReply(Agent, false, "答复未解决诉求")), Agent);

        Assert.Equal(TicketState.Claimed, _scenario.View.State);
        Assert.Equal(DeadlineStatus.OnTime, _scenario.View.HandleStatus);
    }

    [Fact]
    public void ReviewReply_RejectWithoutReason_InvalidReason()
    {
        Refusal.ExpectInvalid("reason", () => TicketReviewRules.ReviewReply(_scenario.State, new ReviewReply(Agent, false, "")));
    }

    [Fact]
    public void ReviewReply_ByDepartment_PermissionDenied_NotReplied_FailedPrecondition()
    {
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketReviewRules.ReviewReply(_scenario.State, new ReviewReply(Lead, true, null)));
        _scenario.ApproveReply();
        Refusal.ExpectWrongState(TicketState.AwaitingCallback, () => _scenario.ApproveReply());
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied, TicketState.Closed)]
    [InlineData(Satisfaction.BasicallySatisfied, TicketState.Closed)]
    [InlineData(Satisfaction.Unsatisfied, TicketState.Reopened)]
    [InlineData(Satisfaction.Unreachable, TicketState.AwaitingCallback)]
    public void RecordCallback_Satisfaction_NextState(Satisfaction satisfaction, TicketState expected)
    {
        _scenario.ApproveReply().Callback(satisfaction);

        Assert.Equal(expected, _scenario.View.State);
        Assert.Equal(satisfaction, _scenario.View.Callback!.Satisfaction);
    }

    [Fact]
    public void RecordCallback_UnreachableThenSatisfied_CountsAttempts()
    {
        _scenario.ApproveReply().Callback(Satisfaction.Unreachable).Callback(Satisfaction.Unreachable).Callback(Satisfaction.Satisfied);

        Assert.Equal(TicketState.Closed, _scenario.View.State);
        Assert.Equal(3, _scenario.View.Callback!.Attempts);
    }

    [Fact]
    public void RecordCallback_Unsatisfied_ReopenedAndDispatchedAgain()
    {
        _scenario.ApproveReply().Callback(Satisfaction.Unsatisfied).Dispatch("D04");

        Assert.Equal(TicketState.Dispatched, _scenario.View.State);
        Assert.Equal("D04", _scenario.View.LeadDepartmentId);
        Assert.Equal(1, _scenario.View.DispatchCount);
    }

    [Fact]
    public void RecordCallback_NotAwaiting_FailedPrecondition_UnknownSatisfaction_Invalid()
    {
        Refusal.ExpectWrongState(TicketState.Replied, () => _scenario.Callback(Satisfaction.Satisfied));
        _scenario.ApproveReply();
        Refusal.ExpectInvalid("satisfaction", () => _scenario.Callback((Satisfaction)7));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketReviewRules.RecordCallback(_scenario.State, new RecordCallback(Lead, Satisfaction.Satisfied, null)));
    }

    [Fact]
    public void Closed_EveryCommand_FailedPreconditionNamingClosed()
    {
        _scenario.ApproveReply().Callback(Satisfaction.Satisfied);

        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Dispatch());
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Claim());
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Return());
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Reply());
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.ApproveReply());
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Callback(Satisfaction.Satisfied));
        Refusal.ExpectWrongState(TicketState.Closed, () => _scenario.Rules.Intake.ResolveDirectly(_scenario.State, new ResolveDirectly(Agent, "答复")));
    }
}
