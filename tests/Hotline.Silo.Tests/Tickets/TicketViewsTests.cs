using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketViewsTests
{
    private readonly TicketScenario _scenario = new TicketScenario().Create().Dispatch("D01", "D02");

    [Fact]
    public void For_Department_MaskedPhone_Staff_FullPhone()
    {
        Assert.Equal("138****1234", _scenario.Views.For(_scenario.State, Assisting, Monday10).CallerPhone);
        Assert.Equal("13812341234", _scenario.Views.For(_scenario.State, Agent, Monday10).CallerPhone);
    }

    [Fact]
    public void RequireVisible_LeadAssistingAndStaff_Allowed()
    {
        TicketRules.RequireVisible(_scenario.State, Lead);
        TicketRules.RequireVisible(_scenario.State, Assisting);
        TicketRules.RequireVisible(_scenario.State, Agent);
        TicketRules.RequireVisible(_scenario.State, Supervisor);
    }

    [Fact]
    public void RequireVisible_OtherDepartment_NotFound_Editor_Denied()
    {
        Refusal.Expect(TicketRefusal.NotFound, () => TicketRules.RequireVisible(_scenario.State, Stranger));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketRules.RequireVisible(_scenario.State, Editor));
    }

    [Fact]
    public void RequireVisible_AfterRedispatch_FormerLeadLosesSight()
    {
        _scenario.Return().Redispatch("D04");
        Refusal.Expect(TicketRefusal.NotFound, () => TicketRules.RequireVisible(_scenario.State, Lead));
    }

    [Fact]
    public void ActorOf_StaffAndDepartment_Prefixed()
    {
        Assert.Equal("staff:A01", TicketRules.ActorOf(Agent));
        Assert.Equal("department:D01", TicketRules.ActorOf(Lead));
    }
}
