using Google.Protobuf;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Desks;

/// <summary>Each missing or malformed field of a HotlineDesk command is refused with INVALID_ARGUMENT naming it, and changes nothing.</summary>
public sealed class HotlineDeskFieldTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "DispatchTicket/no-department", "department_id" },
        { "DispatchTicket/unknown-department", "department_id" },
        { "DispatchTicket/unknown-assisting", "assisting_department_ids" },
        { "DispatchTicket/lead-also-assisting", "assisting_department_ids" },
        { "DispatchTicket/bad-assisting-id", "assisting_department_ids" },
        { "MergeTickets/no-parent", "parent_ticket_id" },
        { "MergeTickets/self", "parent_ticket_id" },
        { "ResolveDirectly/no-reply", "reply" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_BadField_InvalidArgumentNamingFieldAndTicketUnchanged(string scenario, string field)
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.CreateAsync();
        var (method, request) = Build(scenario, id);

        var reply = await desk.HotlineAsync(method, request, desk.Agent);
        var ticket = (await desk.HotlineAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, desk.Agent)).Ok;

        HotlineDeskStatusTests.AssertInvalid(reply, field);
        Assert.Equal(V1.TicketState.Created, ticket.State);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public async Task RecordCallback_SatisfactionUnspecified_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.CreateAsync();

        var reply = await desk.HotlineAsync("RecordCallback", new V1.RecordCallbackRequest { TicketId = id }, desk.Agent);

        HotlineDeskStatusTests.AssertInvalid(reply, "satisfaction");
    }

    private static (string Method, IMessage Request) Build(string scenario, string id)
    {
        V1.DispatchTicketRequest Dispatch(string lead, params string[] assisting)
        {
            var request = new V1.DispatchTicketRequest { TicketId = id, DepartmentId = lead };
            request.AssistingDepartmentIds.AddRange(assisting);
            return request;
        }

        return scenario switch
        {
            "DispatchTicket/no-department" => ("DispatchTicket", Dispatch("")),
            "DispatchTicket/unknown-department" => ("DispatchTicket", Dispatch("nope")),
            "DispatchTicket/unknown-assisting" => ("DispatchTicket", Dispatch("scjg", "nope")),
            "DispatchTicket/lead-also-assisting" => ("DispatchTicket", Dispatch("scjg", "scjg")),
            "DispatchTicket/bad-assisting-id" => ("DispatchTicket", Dispatch("scjg", "r s j")),
            "MergeTickets/no-parent" => ("MergeTickets", new V1.MergeTicketsRequest { TicketId = id }),
            "MergeTickets/self" => ("MergeTickets", new V1.MergeTicketsRequest { TicketId = id, ParentTicketId = id }),
            "ResolveDirectly/no-reply" => ("ResolveDirectly", new V1.ResolveDirectlyRequest { TicketId = id, Reply = "  " }),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario"),
        };
    }
}
