using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketHandlingRulesTests
{
    private readonly TicketScenario _scenario = new();

    [Fact]
    public void Claim_ByLead_Claimed()
    {
        _scenario.Create().Dispatch("D01", "D02").Claim();
        Assert.Equal(TicketState.Claimed, _scenario.View.State);
    }

    [Fact]
    public void Claim_ByAssisting_PermissionDenied_ByStranger_NotFound_ByStaff_PermissionDenied()
    {
        _scenario.Create().Dispatch("D01", "D02");
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketHandlingRules.Claim(_scenario.State, new ClaimTicket(Assisting)));
        var hidden = Refusal.Expect(TicketRefusal.NotFound, () => TicketHandlingRules.Claim(_scenario.State, new ClaimTicket(Stranger)));
        Assert.DoesNotContain("D01", hidden.Message, StringComparison.Ordinal);
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketHandlingRules.Claim(_scenario.State, new ClaimTicket(Supervisor)));
    }

    [Fact]
    public void Claim_StrangerOnWrongState_StillNotFound()
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.Expect(TicketRefusal.NotFound, () => TicketHandlingRules.Claim(_scenario.State, new ClaimTicket(Stranger)));
    }

    [Fact]
    public void Claim_Twice_FailedPrecondition()
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.ExpectWrongState(TicketState.Claimed, () => _scenario.Claim());
    }

    [Fact]
    public void Claim_BeforeDispatch_StrangerGetsNotFound()
    {
        _scenario.Create();
        Refusal.Expect(TicketRefusal.NotFound, () => _scenario.Claim());
    }

    [Fact]
    public void RequestExtension_WhenClaimed_Pending()
    {
        _scenario.Create().Dispatch().Claim().RequestExtension(3);

        Assert.Equal(new ExtensionRequest("D01", 3, "需协调多部门", Monday10), _scenario.View.PendingExtension);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void RequestExtension_DaysOutOfRange_InvalidDays(int days)
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.ExpectInvalid("days", () => _scenario.RequestExtension(days));
    }

    [Fact]
    public void RequestExtension_WhilePendingOrNotClaimed_FailedPrecondition()
    {
        _scenario.Create().Dispatch();
        Refusal.ExpectWrongState(TicketState.Dispatched, () => _scenario.RequestExtension(2));

        _scenario.Claim().RequestExtension(2);
        var refusal = Refusal.Expect(TicketRefusal.FailedPrecondition, () => _scenario.RequestExtension(2));
        Assert.Contains("pending", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestExtension_ByAssisting_PermissionDenied()
    {
        _scenario.Create().Dispatch("D01", "D02").Claim();
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Handling.RequestExtension(_scenario.State, new RequestExtension(Assisting, 2, "需要")));
    }

    [Fact]
    public void DecideExtension_SupervisorApproves_HandleDeadlineMovesInWorkingDays()
    {
        _scenario.Create().Dispatch().Claim().RequestExtension(3);
        var before = _scenario.View.HandleDeadline!.Value;

        _scenario.Apply(_scenario.Rules.Handling.DecideExtension(_scenario.State, new DecideExtension(Supervisor, true, null)), Supervisor);

        // Mon 30 Nov 10:00 + 3 working days = Thu 3 Dec 10:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)), before);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)), _scenario.View.HandleDeadline);
        Assert.Null(_scenario.View.PendingExtension);
    }

    [Fact]
    public void DecideExtension_UtilityTicket_MovesInCalendarDays()
    {
        var scenario = new TicketScenario().Create(Urgency.Utility).Dispatch().Claim().RequestExtension(2);

        scenario.Apply(scenario.Rules.Handling.DecideExtension(scenario.State, new DecideExtension(Supervisor, true, null)), Supervisor);

        Assert.Equal(Monday10.AddHours(24).AddDays(2), scenario.View.HandleDeadline);
    }

    [Fact]
    public void DecideExtension_Denied_DeadlineUnchangedReasonRequired()
    {
        _scenario.Create().Dispatch().Claim().RequestExtension(3);
        var before = _scenario.View.HandleDeadline;
        Refusal.ExpectInvalid("reason", () => _scenario.Rules.Handling.DecideExtension(_scenario.State, new DecideExtension(Supervisor, false, null)));

        _scenario.Apply(_scenario.Rules.Handling.DecideExtension(_scenario.State, new DecideExtension(Supervisor, false, "理由不充分")), Supervisor);

        Assert.Equal(before, _scenario.View.HandleDeadline);
        Assert.Null(_scenario.View.PendingExtension);
    }

    [Fact]
    public void DecideExtension_ByAgent_PermissionDenied()
    {
        _scenario.Create().Dispatch().Claim().RequestExtension(3);
        var refusal = Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Handling.DecideExtension(_scenario.State, new DecideExtension(Agent, true, null)));
        Assert.Contains("supervisor", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideExtension_NothingPending_FailedPrecondition()
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.ExpectWrongState(TicketState.Claimed, () => _scenario.Rules.Handling.DecideExtension(_scenario.State, new DecideExtension(Supervisor, true, null)));
    }

    [Fact]
    public void AddProgress_LeadAndAssisting_NotesInOrder()
    {
        _scenario.Create().Dispatch("D01", "D02");
        _scenario.Apply(TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Assisting, "已现场勘查")), Assisting);
        _scenario.Claim();
        _scenario.Apply(TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Lead, "已联系物业")), Lead);

        Assert.Equal(["D02", "D01"], _scenario.View.Progress.Select(p => p.DepartmentId));
        Assert.Equal("已联系物业", _scenario.View.Progress[1].Note);
    }

    [Fact]
    public void AddProgress_StrangerNotFound_StaffDenied_EmptyInvalid_RepliedRefused()
    {
        _scenario.Create().Dispatch("D01", "D02").Claim();
        Refusal.Expect(TicketRefusal.NotFound, () => TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Stranger, "x")));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Agent, "x")));
        Refusal.ExpectInvalid("content", () => TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Lead, "")));

        _scenario.Reply();
        Refusal.ExpectWrongState(TicketState.Replied, () => TicketHandlingRules.AddProgress(_scenario.State, new AddProgress(Assisting, "x")));
    }

    [Fact]
    public void Resolve_ByLeadWhenClaimed_Replied()
    {
        _scenario.Create().Dispatch().Claim().RequestExtension(2).Reply();

        Assert.Equal(TicketState.Replied, _scenario.View.State);
        Assert.Equal("已修复", _scenario.View.Reply);
        Assert.Null(_scenario.View.PendingExtension);
    }

    [Fact]
    public void Resolve_ByAssisting_Denied_BeforeClaim_Refused_EmptyReply_Invalid()
    {
        _scenario.Create().Dispatch("D01", "D02");
        Refusal.ExpectWrongState(TicketState.Dispatched, () => TicketHandlingRules.Resolve(_scenario.State, new ResolveTicket(Lead, "已修复")));
        _scenario.Claim();
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketHandlingRules.Resolve(_scenario.State, new ResolveTicket(Assisting, "已修复")));
        Refusal.ExpectInvalid("reply", () => TicketHandlingRules.Resolve(_scenario.State, new ResolveTicket(Lead, " ")));
    }
}
