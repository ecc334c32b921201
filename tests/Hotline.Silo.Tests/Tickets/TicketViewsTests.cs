using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
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
    public void Full_DepartmentRenamedAfterDispatch_KeepsNameDispatchedUnder()
    {
        _scenario.Known["D01"] = new("D01", "市住房和城乡建设委员会", 5);

        var view = _scenario.Views.Full(_scenario.State, Monday10);

        Assert.Equal("市住房和城乡建设局", view.LeadDepartmentName);
        Assert.Equal(["市城市管理局"], view.AssistingDepartmentNames);
    }

    [Fact]
    public void Full_RedispatchedThenTransferred_NamesFollowTheDepartments()
    {
        _scenario.Return().Redispatch("D04");
        Assert.Equal(("D04", "市人社局"), (_scenario.View.LeadDepartmentId, _scenario.View.LeadDepartmentName));

        _scenario.Apply(_scenario.Rules.Dispatch.Transfer(_scenario.State, new TransferTicket(Supervisor, "D04", "D03", "机构改革"), _scenario.Known, Monday10), Supervisor);

        Assert.Equal(("D03", "市市场监管委"), (_scenario.View.LeadDepartmentId, _scenario.View.LeadDepartmentName));
        Assert.DoesNotContain("D04", _scenario.State.DepartmentNames!.Keys);
    }
}
