using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketIntakeRulesTests
{
    private readonly TicketScenario _scenario = new();

    [Fact]
    public void Create_ByAgent_CreatedWithFieldsTrimmed()
    {
        _scenario.Apply(_scenario.Rules.Intake.Create(NewTicket() with { Content = "  楼道灯坏了  ", CallerName = "" }), Agent);

        var view = _scenario.View;
        Assert.Equal(TicketState.Created, view.State);
        Assert.Equal("楼道灯坏了", view.Content);
        Assert.Equal("", view.CallerName);
        Assert.Equal(1, view.Version);
        Assert.Equal(Monday10, view.CreatedAt);
        Assert.Null(view.LeadDepartmentId);
    }

    [Theory]
    [InlineData("", "caller_phone")]
    [InlineData("138-abc", "caller_phone")]
    [InlineData("12", "caller_phone")]
    [InlineData("123456789012345678901", "caller_phone")]
    public void Create_BadPhone_InvalidArgumentNamingField(string phone, string field)
    {
        Refusal.ExpectInvalid(field, () => _scenario.Rules.Intake.Create(NewTicket() with { CallerPhone = phone }));
    }

    [Fact]
    public void Create_MissingOrUnknownFields_InvalidArgumentNamingEach()
    {
        Refusal.ExpectInvalid("content", () => _scenario.Rules.Intake.Create(NewTicket() with { Content = "  " }));
        Refusal.ExpectInvalid("district", () => _scenario.Rules.Intake.Create(NewTicket() with { District = "" }));
        Refusal.ExpectInvalid("category", () => _scenario.Rules.Intake.Create(NewTicket() with { Category = (Category)42 }));
        Refusal.ExpectInvalid("urgency", () => _scenario.Rules.Intake.Create(NewTicket() with { Urgency = (Urgency)9 }));
        Refusal.ExpectInvalid("content", () => _scenario.Rules.Intake.Create(NewTicket() with { Content = new string('字', 4001) }));
    }

    [Fact]
    public void Create_ByDepartmentOrEditor_PermissionDenied()
    {
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Intake.Create(NewTicket() with { Caller = Lead }));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => _scenario.Rules.Intake.Create(NewTicket() with { Caller = Editor }));
    }

    [Theory]
    [InlineData(Category.Complaint, TicketState.AwaitingCallback)]
    [InlineData(Category.Help, TicketState.AwaitingCallback)]
    [InlineData(Category.Consultation, TicketState.Closed)]
    public void ResolveDirectly_FromCreated_ByCategoryCallbackNeed(Category category, TicketState expected)
    {
        _scenario.Create(category: category);

        _scenario.Apply(_scenario.Rules.Intake.ResolveDirectly(_scenario.State, new ResolveDirectly(Agent, "已告知办理流程")), Agent);

        Assert.Equal(expected, _scenario.View.State);
        Assert.Equal("已告知办理流程", _scenario.View.Answer);
    }

    [Fact]
    public void ResolveDirectly_ConfiguredCategories_Replace()
    {
        var scenario = new TicketScenario(new TicketOptions { CategoriesWithoutCallback = [Category.Praise] }).Create(category: Category.Consultation);

        scenario.Apply(scenario.Rules.Intake.ResolveDirectly(scenario.State, new ResolveDirectly(Agent, "答复")), Agent);

        Assert.Equal(TicketState.AwaitingCallback, scenario.View.State);
    }

    [Fact]
    public void ResolveDirectly_AfterDispatch_FailedPreconditionNamingState()
    {
        _scenario.Create().Dispatch();
        Refusal.ExpectWrongState(TicketState.Dispatched, () => _scenario.Rules.Intake.ResolveDirectly(_scenario.State, new ResolveDirectly(Agent, "答复")));
    }

    [Fact]
    public void ResolveDirectly_NoAnswer_InvalidArgument()
    {
        _scenario.Create();
        Refusal.ExpectInvalid("reply", () => _scenario.Rules.Intake.ResolveDirectly(_scenario.State, new ResolveDirectly(Agent, " ")));
    }

    [Fact]
    public void MergeInto_OpenTicket_MergedWithParent()
    {
        _scenario.Create().Dispatch();

        _scenario.Apply(TicketIntakeRules.MergeInto(_scenario.State, new MergeTicket(Agent, "P-1", "重复来电")), Agent);

        Assert.Equal(TicketState.Merged, _scenario.View.State);
        Assert.Equal("P-1", _scenario.View.ParentTicketId);
    }

    [Fact]
    public void MergeInto_Itself_InvalidArgument()
    {
        _scenario.Create();
        Refusal.ExpectInvalid("parent_ticket_id", () => TicketIntakeRules.MergeInto(_scenario.State, new MergeTicket(Agent, TicketId, null)));
    }

    [Fact]
    public void MergeInto_ClosedOrMerged_FailedPrecondition()
    {
        _scenario.Create(category: Category.Consultation);
        _scenario.Apply(_scenario.Rules.Intake.ResolveDirectly(_scenario.State, new ResolveDirectly(Agent, "答复")), Agent);
        Refusal.ExpectWrongState(TicketState.Closed, () => TicketIntakeRules.MergeInto(_scenario.State, new MergeTicket(Agent, "P-1", null)));

        var merged = new TicketScenario().Create();
        merged.Apply(TicketIntakeRules.MergeInto(merged.State, new MergeTicket(Agent, "P-1", null)), Agent);
        Refusal.ExpectWrongState(TicketState.Merged, () => TicketIntakeRules.MergeInto(merged.State, new MergeTicket(Agent, "P-2", null)));
    }

    [Fact]
    public void MergeInto_ByDepartment_PermissionDenied()
    {
        _scenario.Create().Dispatch();
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketIntakeRules.MergeInto(_scenario.State, new MergeTicket(Lead, "P-1", null)));
    }

    [Fact]
    public void AttachMergedChild_TwiceSameChild_ListedOnce()
    {
        _scenario.Create();

        _scenario.Apply(TicketIntakeRules.AttachMergedChild(_scenario.State, new AttachMergedChild(Agent, "C-1")), Agent);
        var again = TicketIntakeRules.AttachMergedChild(_scenario.State, new AttachMergedChild(Agent, "C-1"));
        _scenario.Apply(TicketIntakeRules.AttachMergedChild(_scenario.State, new AttachMergedChild(Agent, "C-2")), Agent);

        Assert.Empty(again);
        Assert.Equal(["C-1", "C-2"], _scenario.View.MergedChildIds);
    }

    [Fact]
    public void AttachMergedChild_ParentItselfMerged_FailedPrecondition()
    {
        _scenario.Create();
        _scenario.Apply(TicketIntakeRules.MergeInto(_scenario.State, new MergeTicket(Agent, "P-1", null)), Agent);

        var refusal = Refusal.Expect(TicketRefusal.FailedPrecondition, () => TicketIntakeRules.AttachMergedChild(_scenario.State, new AttachMergedChild(Agent, "C-1")));
        Assert.Equal(TicketState.Merged, refusal.State);
        Assert.Contains("P-1", refusal.Message, StringComparison.Ordinal);
    }
}
