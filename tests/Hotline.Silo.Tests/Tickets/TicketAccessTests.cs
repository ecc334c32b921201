using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketAccessTests
{
    private readonly TicketScenario _scenario = new TicketScenario().Create().Dispatch("D01", "D02");

    [Fact]
    public void RequireVisible_LeadAssistingAndStaff_Allowed()
    {
        TicketAccess.RequireVisible(_scenario.State, Lead);
        TicketAccess.RequireVisible(_scenario.State, Assisting);
        TicketAccess.RequireVisible(_scenario.State, Agent);
        TicketAccess.RequireVisible(_scenario.State, Supervisor);
    }

    [Fact]
    public void RequireVisible_OtherDepartment_NotFound_Editor_Denied()
    {
        Refusal.Expect(TicketRefusal.NotFound, () => TicketAccess.RequireVisible(_scenario.State, Stranger));
        Refusal.Expect(TicketRefusal.PermissionDenied, () => TicketAccess.RequireVisible(_scenario.State, Editor));
    }

    [Fact]
    public void RequireVisible_AfterRedispatch_FormerLeadLosesSight()
    {
        _scenario.Return().Redispatch("D04");
        Refusal.Expect(TicketRefusal.NotFound, () => TicketAccess.RequireVisible(_scenario.State, Lead));
    }

    [Fact]
    public void ActorOf_StaffAndDepartment_Prefixed()
    {
        Assert.Equal("staff:A01", TicketAccess.ActorOf(Agent));
        Assert.Equal("department:D01", TicketAccess.ActorOf(Lead));
    }
}
