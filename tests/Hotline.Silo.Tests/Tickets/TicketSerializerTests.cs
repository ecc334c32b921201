using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Events;
using static Hotline.Silo.Tests.Tickets.TicketScenario;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketSerializerTests
{
    [Fact]
    public void Read_WrittenStateOfBusyTicket_SameView()
    {
        var scenario = new TicketScenario().Create().Dispatch("D01", "D02").Claim().RequestExtension(2);
        scenario.Apply(TicketHandlingRules.AddProgress(scenario.State, new AddProgress(Assisting, "已勘查")), Assisting);
        scenario.Apply(TicketIntakeRules.AttachMergedChild(scenario.State, new AttachMergedChild(Agent, "C-1")), Agent);

        var json = TicketSerializer.Write(scenario.State);
        var read = TicketSerializer.Read(new StoredTicket(TicketId, scenario.State.Version, json));

        var expected = scenario.Views.Full(scenario.State, Monday10.AddHours(1));
        var actual = scenario.Views.Full(read, Monday10.AddHours(1));
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        Assert.Contains("\"CLAIMED\"", json.ToUpperInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StoredBeforeNamesWereKept_LoadsWithIdsAndNoNames()
    {
        var scenario = new TicketScenario().Create().Dispatch("D01", "D02");
        var old = JsonNode.Parse(TicketSerializer.Write(scenario.State))!.AsObject();
        Assert.True(old.Remove("department_names"));

        var read = TicketSerializer.Read(new StoredTicket(TicketId, scenario.State.Version, old.ToJsonString()));
        var view = scenario.Views.Full(read, Monday10);

        Assert.Equal(("D01", null), (view.LeadDepartmentId, view.LeadDepartmentName));
        Assert.Equal(["D02"], view.AssistingDepartmentIds);
        Assert.Equal([""], view.AssistingDepartmentNames);
    }

    [Fact]
    public void Apply_DispatchEventStoredWithoutNames_FoldsWithoutNames()
    {
        var deadline = new Deadline(Monday10, Monday10.AddHours(1), false);
        var written = JsonNode.Parse(TicketSerializer.Write(
            new TicketDispatched("D01", ["D02"], null, false, deadline, deadline, null, "市住房和城乡建设局", ["市城市管理局"])))!.AsObject();
        Assert.Equal("市住房和城乡建设局", written["lead_department_name"]!.GetValue<string>());
        written.Remove("lead_department_name");
        written.Remove("assisting_department_names");

        var old = JsonSerializer.Deserialize(written.ToJsonString(), TicketJsonContext.Default.TicketDispatched)!;
        var state = TicketFold.Apply(TicketId, new TicketScenario().Create().State, new TicketChange(old, "staff:A01", Monday10));

        Assert.Null(old.LeadDepartmentName);
        Assert.Equal(("D01", 0), (state.LeadDepartmentId, state.DepartmentNames!.Count));
    }

    [Fact]
    public void Read_StoredVersionDiffers_StoredVersionWins()
    {
        var scenario = new TicketScenario().Create();
        var read = TicketSerializer.Read(new StoredTicket(TicketId, 7, TicketSerializer.Write(scenario.State)));
        Assert.Equal(7, read.Version);
    }

    [Fact]
    public void ReadView_WrittenDepartmentView_RoundTrips()
    {
        var scenario = new TicketScenario().Create().Dispatch("D01", "D02");
        var view = scenario.View.ForDepartment();

        var read = TicketSerializer.ReadView(TicketSerializer.Write(view));

        Assert.Equal(JsonSerializer.Serialize(view), JsonSerializer.Serialize(read));
        Assert.Equal("138****1234", read.CallerPhone);
    }

    [Fact]
    public void Write_Event_HasItsFieldsAndStringEnums()
    {
        var json = TicketSerializer.Write(new CallbackRecorded(Satisfaction.BasicallySatisfied, "还行"));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("BasicallySatisfied", document.RootElement.GetProperty("satisfaction").GetString());
        Assert.Equal("还行", document.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void ToEntry_EventWithReason_LiftsReasonText()
    {
        var stored = new StoredEvent(3, "returned", "department:D01", Monday10, TicketSerializer.Write(new TicketReturned("不属于本单位职责")));

        var entry = TicketHistory.ToEntry(stored);

        Assert.Equal(new TicketHistoryEntry(3, "returned", "department:D01", Monday10, "不属于本单位职责", stored.DataJson), entry);
    }

    [Fact]
    public void ToEntry_EventWithoutText_ReasonNull()
    {
        var entry = TicketHistory.ToEntry(new StoredEvent(2, "claimed", "department:D01", Monday10, TicketSerializer.Write(new TicketClaimed())));
        Assert.Null(entry.Reason);
    }

    [Theory]
    [InlineData(true, "designated")]
    [InlineData(false, "dispatched")]
    public void Type_Dispatch_NamesDesignation(bool designated, string expected)
    {
        var deadline = new Deadline(Monday10, Monday10.AddHours(1), false);
        Assert.Equal(expected, new TicketDispatched("D01", [], null, designated, deadline, deadline, null).Type);
    }
}
