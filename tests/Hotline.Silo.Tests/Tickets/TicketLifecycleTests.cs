using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    [Fact]
    public void Lifecycle_ReworkAndReopen_EndsClosedWithOneVersionPerEvent()
    {
        var s = new TicketScenario().Create().Dispatch("D01", "D02").Claim().RequestExtension(2);
        s.Apply(s.Rules.Handling.DecideExtension(s.State, new DecideExtension(Supervisor, true, "同意")), Supervisor);
        s.Apply(TicketHandlingRules.AddProgress(s.State, new AddProgress(Assisting, "协办意见")), Assisting);
        s.Reply();
        s.Apply(TicketReviewRules.ReviewReply(s.State, new ReviewReply(Agent, false, "未答复核心诉求")), Agent);
        Assert.Equal(TicketState.Claimed, s.View.State);
        s.Reply().ApproveReply().Callback(Satisfaction.Unreachable).Callback(Satisfaction.Unsatisfied);
        Assert.Equal(TicketState.Reopened, s.View.State);
        s.Dispatch("D01").Claim().Reply().ApproveReply().Callback(Satisfaction.Satisfied);

        Assert.Equal(TicketState.Closed, s.View.State);
        Assert.Equal(17, s.View.Version);
        Assert.Equal(DeadlineStatus.None, s.View.SignStatus);
        Assert.Equal(DeadlineStatus.None, s.View.HandleStatus);
        Assert.Equal(1, s.View.Callback!.Attempts);
    }

    [Fact]
    public void Apply_EventBeforeCreation_Throws()
    {
        var s = new TicketScenario();
        Assert.Throws<InvalidOperationException>(() => s.Apply([new Silo.Tickets.Events.TicketClaimed()], Lead));
    }
}
