using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketDispatchRulesTests
{
    private static readonly DateTimeOffset Friday17 = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));
    private readonly TicketScenario _scenario = new();

    [Fact]
    public void Dispatch_FromCreated_DispatchedToLeadAndAssisting()
    {
        _scenario.Create().Dispatch("D01", "D02", "D03");

        var view = _scenario.View;
        Assert.Equal(TicketState.Dispatched, view.State);
        Assert.Equal("D01", view.LeadDepartmentId);
        Assert.Equal(["D02", "D03"], view.AssistingDepartmentIds);
        Assert.Equal("请三日内处理", view.Instructions);
        Assert.Equal(1, view.DispatchCount);
        Assert.Equal(Monday10, view.DispatchedAt);
        Assert.False(view.Designated);
    }

    [Fact]
    public void Dispatch_UnknownLead_InvalidDepartmentId()
    {
        _scenario.Create();
        Refusal.ExpectInvalid("department_id", () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D99", [], null), _scenario.Known, Monday10));
        Refusal.ExpectInvalid("department_id", () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "", [], null), _scenario.Known, Monday10));
    }

    [Fact]
    public void Dispatch_BadAssisting_InvalidAssistingDepartmentIds()
    {
        _scenario.Create();
        Refusal.ExpectInvalid("assisting_department_ids", () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D01", ["D99"], null), _scenario.Known, Monday10));
        Refusal.ExpectInvalid("assisting_department_ids", () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D01", ["D01"], null), _scenario.Known, Monday10));
        Refusal.ExpectInvalid("assisting_department_ids", () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D01", ["D02", "D02"], null), _scenario.Known, Monday10));
    }

    [Fact]
    public void Dispatch_ByDepartment_PermissionDenied()
    {
        _scenario.Create();
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Lead, "D01", [], null), _scenario.Known, Monday10));
    }

    [Fact]
    public void Dispatch_WhenClaimedOrReturned_FailedPreconditionNamingState()
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.ExpectWrongState(TicketState.Claimed, () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D02", [], null), _scenario.Known, Monday10));

        _scenario.Return();
        Refusal.ExpectWrongState(TicketState.Returned, () => _scenario.Rules.Dispatch.Dispatch(_scenario.State, new DispatchTicket(Agent, "D02", [], null), _scenario.Known, Monday10));
    }

    [Fact]
    public void Return_WithinWindowFromDispatchedOrClaimed_Returned()
    {
        _scenario.Create().Dispatch().Return();
        Assert.Equal(TicketState.Returned, _scenario.View.State);

        var claimed = new TicketScenario().Create().Dispatch().Claim().Return();
        Assert.Equal(TicketState.Returned, claimed.View.State);
    }

    [Fact]
    public void Return_WindowIsOneWorkingDayFromDispatch_WeekendSkipped()
    {
        _scenario.Now = Friday17;
        _scenario.Create().Dispatch();

        _scenario.Now = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(8));
        Assert.Single(_scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Lead, "不属于本单位"), _scenario.Now));

        _scenario.Now = _scenario.Now.AddSeconds(1);
        var refusal = Refusal.Expect(TicketRefusal.FailedPrecondition, () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Lead, "不属于本单位"), _scenario.Now));
        Assert.Equal(TicketState.Dispatched, refusal.State);
        Assert.Contains("return window", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_ConfiguredWindow_Honoured()
    {
        var scenario = new TicketScenario(new Silo.Tickets.TicketOptions { ReturnWindowWorkingDays = 2 }) { Now = Friday17 }.Create().Dispatch();
        scenario.Now = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.FromHours(8));

        Assert.Single(scenario.Rules.Dispatch.Return(scenario.State, new ReturnTicket(Lead, "不属于本单位"), scenario.Now));
    }

    [Fact]
    public void Return_WithoutReason_InvalidReason()
    {
        _scenario.Create().Dispatch();
        Refusal.ExpectInvalid("reason", () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Lead, ""), Monday10));
    }

    [Fact]
    public void Return_ByAssistingStrangerOrStaff_DeniedOrNotFound()
    {
        _scenario.Create().Dispatch("D01", "D02");
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Assisting, "不属于"), Monday10));
        Refusal.Expect(TicketRefusal.NotFound, () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Stranger, "不属于"), Monday10));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Agent, "不属于"), Monday10));
    }

    [Fact]
    public void Return_AfterReply_FailedPrecondition()
    {
        _scenario.Create().Dispatch().Claim().Reply();
        Refusal.ExpectWrongState(TicketState.Replied, () => _scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Lead, "不属于"), Monday10));
    }

    [Fact]
    public void DecideReturn_Reject_BackToSameDepartmentWithFreshSignDeadline()
    {
        _scenario.Create().Dispatch().Return();
        _scenario.Now = Monday10.AddHours(3);

        _scenario.Apply(_scenario.Rules.Dispatch.DecideReturn(_scenario.State, new DecideReturn(Agent, null, [], null, "属于贵单位职责"), _scenario.Known, _scenario.Now), Agent);

        var view = _scenario.View;
        Assert.Equal(TicketState.Dispatched, view.State);
        Assert.Equal("D01", view.LeadDepartmentId);
        Assert.Equal(1, view.DispatchCount);
        Assert.Equal(Monday10, view.DispatchedAt);
        Assert.Equal(Monday10.AddHours(3).AddDays(1), view.SignDeadline);
    }

    [Fact]
    public void DecideReturn_BlankNewDepartment_TreatedAsReject()
    {
        _scenario.Create().Dispatch().Return();

        var events = _scenario.Rules.Dispatch.DecideReturn(_scenario.State, new DecideReturn(Agent, " ", [], null, "属于贵单位职责"), _scenario.Known, Monday10);

        Assert.IsType<Silo.Tickets.Events.ReturnRejected>(Assert.Single(events));
    }

    [Fact]
    public void DecideReturn_RejectWithoutReason_InvalidReason()
    {
        _scenario.Create().Dispatch().Return();
        Refusal.ExpectInvalid("reason", () => _scenario.Rules.Dispatch.DecideReturn(_scenario.State, new DecideReturn(Agent, null, [], null, null), _scenario.Known, Monday10));
    }

    [Fact]
    public void DecideReturn_RedispatchToOther_DispatchedAndCounted()
    {
        _scenario.Create().Dispatch().Return().Redispatch("D04");

        Assert.Equal(TicketState.Dispatched, _scenario.View.State);
        Assert.Equal("D04", _scenario.View.LeadDepartmentId);
        Assert.Equal(2, _scenario.View.DispatchCount);
    }

    [Fact]
    public void DecideReturn_RedispatchToReturningDepartment_InvalidDepartmentId()
    {
        _scenario.Create().Dispatch().Return();
        Refusal.ExpectInvalid("department_id", () => _scenario.Redispatch("D01"));
        Refusal.ExpectInvalid("department_id", () => _scenario.Redispatch(" D01 "));
    }

    [Fact]
    public void DecideReturn_NotReturned_FailedPrecondition()
    {
        _scenario.Create().Dispatch();
        Refusal.ExpectWrongState(TicketState.Dispatched, () => _scenario.Redispatch("D02"));
    }

    [Fact]
    public void DecideReturn_AfterThirdUnsettledDispatch_NeedsSupervisorDesignation()
    {
        _scenario.Create().Dispatch("D01").Return().Redispatch("D02");
        _scenario.Apply(_scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Assisting, "不属于"), Monday10), Assisting);
        Assert.False(_scenario.View.NeedsDesignation);
        _scenario.Redispatch("D03");
        _scenario.Apply(_scenario.Rules.Dispatch.Return(_scenario.State, new ReturnTicket(Stranger, "不属于"), Monday10), Stranger);

        Assert.True(_scenario.View.NeedsDesignation);
        Assert.Equal(3, _scenario.View.DispatchCount);
        var refusal = Refusal.Expect(TicketRefusal.FailedPrecondition, () => _scenario.Redispatch("D04"));
        Assert.Contains("supervisor must designate", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TicketState.Returned, refusal.State);
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Dispatch.Designate(_scenario.State, new DesignateDepartment(Agent, "D04", [], null), _scenario.Known, Monday10));

        _scenario.Apply(_scenario.Rules.Dispatch.Designate(_scenario.State, new DesignateDepartment(Supervisor, "D04", ["D05"], "指定承办"), _scenario.Known, Monday10), Supervisor);

        Assert.Equal(TicketState.Dispatched, _scenario.View.State);
        Assert.True(_scenario.View.Designated);
        Assert.False(_scenario.View.NeedsDesignation);
        Assert.Equal("D04", _scenario.View.LeadDepartmentId);
    }

    [Fact]
    public void Claim_ResetsUnsettledDispatchCount()
    {
        _scenario.Create().Dispatch("D01").Return().Redispatch("D02");
        _scenario.Claim(Assisting);

        Assert.Equal(0, _scenario.View.DispatchCount);
    }

    [Fact]
    public void Return_DesignatedDepartment_FailedPrecondition()
    {
        _scenario.Create();
        _scenario.Apply(_scenario.Rules.Dispatch.Designate(_scenario.State, new DesignateDepartment(Supervisor, "D01", [], null), _scenario.Known, Monday10), Supervisor);

        var refusal = Refusal.Expect(TicketRefusal.FailedPrecondition, () => _scenario.Return());
        Assert.Contains("designated", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Designate_WhenClaimed_FailedPrecondition()
    {
        _scenario.Create().Dispatch().Claim();
        Refusal.ExpectWrongState(TicketState.Claimed, () => _scenario.Rules.Dispatch.Designate(_scenario.State, new DesignateDepartment(Supervisor, "D02", [], null), _scenario.Known, Monday10));
    }
}
