using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Organisation;

/// <summary>
/// hotline.v1.Administration against a running host started with --no-demo, on SQLite and PostgreSQL:
/// a supervisor imports and edits the directory over gRPC, disabling a department with open tickets is
/// refused until a successor takes them (each move in the ticket's history), and the disabled
/// department's token still reads the tickets it closed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdministrationHostTests(PostgresServerFixture postgres)
{
    private const string Service = "hotline.v1.Administration";

    private const string Directory = """
        [
          {"id": "lyj", "name": "市林业局", "kind": "municipal", "responsibilities": "古树名木保护、林木采伐许可。", "handle_working_days": 5, "duty_phone": "022-23456789"},
          {"id": "ylj", "name": "市园林局", "kind": "municipal", "responsibilities": "公园绿地管理。", "handle_working_days": 5},
          {"id": "hx", "name": "河西区人民政府", "kind": "district", "responsibilities": "河西区辖区事务。", "handle_working_days": 7},
          {"id": "hx-jd1", "name": "友谊路街道办事处", "kind": "street", "parent": "hx", "responsibilities": "街道辖区事务。", "handle_working_days": 5}
        ]
        """;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Administration_ImportEditDisableWithSuccessor_TicketsMoveAndHistoryKept(string provider)
    {
        string[] storage = provider == "postgres"
            ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={await postgres.CreateSchemaAsync()}"]
            : [];
        await using var host = await RunningHost.StartAsync(loadDemo: false, extraArgs: storage);
        using var client = new GrpcTestClient(host.GrpcBase);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        var supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        var agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        var forestry = await tokens.IssueAsync(new Caller(CallerKind.Department, "lyj", StaffRole.None), CancellationToken.None);
        var gardens = await tokens.IssueAsync(new Caller(CallerKind.Department, "ylj", StaffRole.None), CancellationToken.None);

        Assert.Equal(StatusCode.PermissionDenied, (await AdminAsync(client, "ListDirectoryDepartments", new ListDirectoryDepartmentsRequest(), agent,
            ListDirectoryDepartmentsResponse.Parser)).Status);
        var imported = (await AdminAsync(client, "ImportDirectoryDepartments",
            new ImportDirectoryDepartmentsRequest { Content = ByteString.CopyFromUtf8(Directory), Reason = "2027年机构设置" }, supervisor,
            ImportDirectoryDepartmentsResponse.Parser)).Value;
        Assert.Equal((4, 0, 0), (imported.Added, imported.Updated, imported.Unchanged));
        var added = await AdminAsync(client, "AddDirectoryDepartment", new AddDirectoryDepartmentRequest
        {
            Department = new DirectoryDepartment { Id = "hx-jd2", Name = "马场道街道办事处", Kind = "street", ParentId = "hx", Responsibilities = "街道辖区事务。", HandleWorkingDays = 5 },
        }, supervisor, DirectoryDepartment.Parser);
        Assert.True(added.Value.Active);
        Assert.Equal(StatusCode.AlreadyExists, (await AdminAsync(client, "AddDirectoryDepartment",
            new AddDirectoryDepartmentRequest { Department = added.Value }, supervisor, DirectoryDepartment.Parser)).Status);

        // A district government under its own street office would be a cycle.
        var cycle = await AdminAsync(client, "UpdateDirectoryDepartment",
            new UpdateDirectoryDepartmentRequest { DepartmentId = "hx", ParentId = "hx-jd1" }, supervisor, DirectoryDepartment.Parser);
        Assert.Equal(StatusCode.InvalidArgument, cycle.Status);
        Assert.Contains("parent: makes a cycle", cycle.Message, StringComparison.Ordinal);
        var updated = (await AdminAsync(client, "UpdateDirectoryDepartment", new UpdateDirectoryDepartmentRequest
        {
            DepartmentId = "ylj", HandleWorkingDays = 7, Keywords = new KeywordList { Values = { "公园", "绿地" } }, Reason = "时限调整",
        }, supervisor, DirectoryDepartment.Parser)).Value;
        Assert.Equal((7, "公园;绿地", "公园绿地管理。"), (updated.HandleWorkingDays, string.Join(";", updated.Keywords), updated.Responsibilities));

        var open = await DispatchedAsync(client, agent, "lyj");
        var closed = await DispatchedAsync(client, agent, "lyj");
        await OkAsync(client, GrpcTestClient.DepartmentDesk, "ClaimTicket", new ClaimTicketRequest { TicketId = open }, forestry);
        await OkAsync(client, GrpcTestClient.DepartmentDesk, "ClaimTicket", new ClaimTicketRequest { TicketId = closed }, forestry);
        await OkAsync(client, GrpcTestClient.DepartmentDesk, "ResolveTicket", new ResolveTicketRequest { TicketId = closed, Reply = "已修剪并立牌保护" }, forestry);
        await OkAsync(client, GrpcTestClient.HotlineDesk, "ReviewReply", new ReviewReplyRequest { TicketId = closed, Approve = true }, agent);
        await OkAsync(client, GrpcTestClient.HotlineDesk, "RecordCallback", new RecordCallbackRequest { TicketId = closed, Satisfaction = Satisfaction.Satisfied }, agent);

        var refused = await AdminAsync(client, "DisableDirectoryDepartment",
            new DisableDirectoryDepartmentRequest { DepartmentId = "lyj", Reason = "机构改革" }, supervisor, DisableDirectoryDepartmentResponse.Parser);
        Assert.Equal(StatusCode.FailedPrecondition, refused.Status);
        Assert.Contains("1 open ticket(s)", refused.Message, StringComparison.Ordinal);
        var disabled = (await AdminAsync(client, "DisableDirectoryDepartment", new DisableDirectoryDepartmentRequest
        {
            DepartmentId = "lyj", Reason = "机构改革，职能并入市园林局", SuccessorDepartmentId = "ylj",
        }, supervisor, DisableDirectoryDepartmentResponse.Parser)).Value;

        Assert.Equal(1, disabled.MovedTickets);
        Assert.False(disabled.Department.Active);
        var moved = await OkAsync(client, GrpcTestClient.DepartmentDesk, "GetTicket", new GetTicketRequest { TicketId = open }, gardens);
        Assert.Equal(("ylj", TicketState.Claimed), (moved.DepartmentId, moved.State));
        var history = (await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicketHistory", new GetTicketHistoryRequest { TicketId = open },
            GetTicketHistoryResponse.Parser, agent)).Value.Entries;
        Assert.Equal(HistoryAction.Transferred, history[^1].Action);
        Assert.Equal("staff:s1", history[^1].Actor);
        Assert.Equal(StatusCode.NotFound, (await client.UnaryAsync(GrpcTestClient.DepartmentDesk, "GetTicket", new GetTicketRequest { TicketId = open },
            Ticket.Parser, forestry)).Status);
        var stillReadable = await OkAsync(client, GrpcTestClient.DepartmentDesk, "GetTicket", new GetTicketRequest { TicketId = closed }, forestry);
        Assert.Equal(TicketState.Closed, stillReadable.State);
        var redispatch = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "CreateTicket", NewTicket(), Ticket.Parser, agent);
        var toDisabled = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "DispatchTicket",
            new DispatchTicketRequest { TicketId = redispatch.Value.TicketId, DepartmentId = "lyj" }, Ticket.Parser, agent);
        Assert.Equal(StatusCode.InvalidArgument, toDisabled.Status);

        var changes = await AllChangesAsync(client, supervisor, "lyj");
        Assert.Equal(["disable", "add"], changes.Select(c => c.Action));
        Assert.Equal(("staff:s1", "机构改革，职能并入市园林局"), (changes[0].Actor, changes[0].Reason));
        Assert.Contains("\"active\":false", changes[0].AfterJson, StringComparison.Ordinal);
        var everything = await AllChangesAsync(client, supervisor, "");
        Assert.Equal(7, everything.Count);
        Assert.Equal(everything.Select(c => c.Sequence).OrderDescending(), everything.Select(c => c.Sequence));
        var listed = await AllDepartmentsAsync(client, supervisor);
        Assert.Equal(["hx", "hx-jd1", "hx-jd2", "lyj", "ylj"], listed.Select(d => d.Id));
        Assert.False(listed.Single(d => d.Id == "lyj").Active);
    }

    [Fact]
    public async Task Ticket_DepartmentRenamedThenDisabled_KeepsNameItWasDispatchedUnder()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var client = new GrpcTestClient(host.GrpcBase);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        var supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        var agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        await AdminAsync(client, "ImportDirectoryDepartments", new ImportDirectoryDepartmentsRequest { Content = ByteString.CopyFromUtf8(Directory) },
            supervisor, ImportDirectoryDepartmentsResponse.Parser);
        var ticket = await OkAsync(client, GrpcTestClient.HotlineDesk, "CreateTicket", NewTicket(), agent);
        var dispatched = await OkAsync(client, GrpcTestClient.HotlineDesk, "DispatchTicket",
            new DispatchTicketRequest { TicketId = ticket.TicketId, DepartmentId = "lyj", AssistingDepartmentIds = { "ylj" } }, agent);

        var renamed = await AdminAsync(client, "UpdateDirectoryDepartment",
            new UpdateDirectoryDepartmentRequest { DepartmentId = "lyj", Name = "市林业和草原局", Reason = "更名" }, supervisor, DirectoryDepartment.Parser);
        var afterRename = await OkAsync(client, GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = ticket.TicketId }, agent);
        var later = await DispatchedAsync(client, agent, "lyj");
        var laterTicket = await OkAsync(client, GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = later }, agent);

        Assert.True(renamed.IsOk, renamed.Message);
        Assert.Equal(("市林业局", "市园林局"), (dispatched.LeadDepartmentName, dispatched.AssistingDepartmentNames.Single()));
        Assert.Equal(("lyj", "市林业局"), (afterRename.DepartmentId, afterRename.LeadDepartmentName));
        Assert.Equal("市林业和草原局", laterTicket.LeadDepartmentName);
        var history = (await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicketHistory", new GetTicketHistoryRequest { TicketId = ticket.TicketId },
            GetTicketHistoryResponse.Parser, agent)).Value.Entries;
        using var details = JsonDocument.Parse(history.Single(e => e.Action == HistoryAction.Dispatched).DetailsJson);
        Assert.Equal("市林业局", details.RootElement.GetProperty("lead_department_name").GetString());

        var disabled = await AdminAsync(client, "DisableDirectoryDepartment",
            new DisableDirectoryDepartmentRequest { DepartmentId = "ylj", Reason = "职能并入区政府", SuccessorDepartmentId = "hx" }, supervisor,
            DisableDirectoryDepartmentResponse.Parser);
        var moved = await OkAsync(client, GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = ticket.TicketId }, agent);
        Assert.True(disabled.IsOk, disabled.Message);
        Assert.Equal(["hx"], moved.AssistingDepartmentIds);
        Assert.Equal(["河西区人民政府"], moved.AssistingDepartmentNames);
        Assert.Equal("市林业局", moved.LeadDepartmentName);
    }

    [Theory]
    [InlineData("dup", "line 3: department 'a': id: is already on line 2")]
    [InlineData("cycle", "line 2: department 'a': parent: makes a cycle")]
    [InlineData("utf8", "line 3: encoding: is not valid UTF-8")]
    [InlineData("huge", "line 2: department 'a': responsibilities: is 1048576 characters")]
    public async Task Import_HostileFile_InvalidArgumentNamingTheLine_NothingStored(string kind, string expected)
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var client = new GrpcTestClient(host.GrpcBase);
        var supervisor = await host.App.Services.GetRequiredService<ITokenStore>()
            .IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        const string Header = "id,name,kind,parent,responsibilities,handle_working_days\n";
        var content = kind switch
        {
            "dup" => Encoding.UTF8.GetBytes(Header + "a,甲局,municipal,,职责,5\na,乙局,municipal,,职责,5\n"),
            "cycle" => Encoding.UTF8.GetBytes(Header + "a,甲局,municipal,b,职责,5\nb,乙局,municipal,a,职责,5\n"),
            "utf8" => [.. Encoding.UTF8.GetBytes(Header + "a,甲局,municipal,,职责,5\n"), .. "b,"u8, 0xE4, 0xB8, .. ",municipal,,x,5\n"u8],
            _ => Encoding.UTF8.GetBytes(Header + "a,甲局,municipal,," + new string('职', 1024 * 1024) + ",5\n"),
        };

        var reply = await AdminAsync(client, "ImportDirectoryDepartments",
            new ImportDirectoryDepartmentsRequest { Content = ByteString.CopyFrom(content) }, supervisor, ImportDirectoryDepartmentsResponse.Parser);

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Contains(expected, reply.Message, StringComparison.Ordinal);
        Assert.Empty((await AdminAsync(client, "ListDirectoryDepartments", new ListDirectoryDepartmentsRequest(), supervisor,
            ListDirectoryDepartmentsResponse.Parser)).Value.Departments);
    }

    [Fact]
    public async Task Lists_DistrictsByDefault_EditedAuditedAndCheckedOnEveryTicket()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var client = new GrpcTestClient(host.GrpcBase);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        var supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        var agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        var before = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "CreateTicket", new CreateTicketRequest(NewTicket()) { District = "滨海新区北片" },
            Ticket.Parser, agent);

        var districts = (await AdminAsync(client, "ListDirectoryValues", new ListDirectoryValuesRequest { List = "district" }, supervisor,
            ListDirectoryValuesResponse.Parser)).Value.Values;
        var afterAdd = (await AdminAsync(client, "AddDirectoryValue", new DirectoryValueRequest { List = "district", Value = "滨海新区北片", Reason = "区划调整" },
            supervisor, ListDirectoryValuesResponse.Parser)).Value.Values;
        var again = await AdminAsync(client, "AddDirectoryValue", new DirectoryValueRequest { List = "district", Value = "滨海新区北片" },
            supervisor, ListDirectoryValuesResponse.Parser);
        var unknownList = await AdminAsync(client, "ListDirectoryValues", new ListDirectoryValuesRequest { List = "street" }, supervisor,
            ListDirectoryValuesResponse.Parser);
        var badPage = await AdminAsync(client, "ListDirectoryChanges", new ListDirectoryChangesRequest { PageToken = "x" }, supervisor,
            ListDirectoryChangesResponse.Parser);

        Assert.Equal(16, districts.Count);
        Assert.Equal([.. districts, "滨海新区北片"], afterAdd);
        Assert.Equal(StatusCode.AlreadyExists, again.Status);
        Assert.Equal(StatusCode.InvalidArgument, unknownList.Status);
        Assert.StartsWith("list:", unknownList.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, badPage.Status);
        Assert.StartsWith("page_token:", badPage.Message, StringComparison.Ordinal);
        var change = (await AllChangesAsync(client, supervisor, "滨海新区北片")).Single();
        Assert.Equal(("district", "add", "staff:s1", "区划调整"), (change.Subject, change.Action, change.Actor, change.Reason));

        // The list is what every ticket is checked against: the new district is accepted at once, a removed category refused.
        Assert.Equal(StatusCode.InvalidArgument, before.Status);
        Assert.StartsWith("district: '滨海新区北片' is not on the city's district list", before.Message, StringComparison.Ordinal);
        Assert.True((await client.UnaryAsync(GrpcTestClient.HotlineDesk, "CreateTicket", new CreateTicketRequest(NewTicket()) { District = "滨海新区北片" },
            Ticket.Parser, agent)).IsOk);
        await AdminAsync(client, "RemoveDirectoryValue", new DirectoryValueRequest { List = "category", Value = "表扬", Reason = "并入建议" },
            supervisor, ListDirectoryValuesResponse.Parser);
        var praise = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "CreateTicket", new CreateTicketRequest(NewTicket()) { Category = Category.Praise },
            Ticket.Parser, agent);
        Assert.Equal(StatusCode.InvalidArgument, praise.Status);
        Assert.StartsWith("category: 表扬 is not on the category list", praise.Message, StringComparison.Ordinal);
    }

    private static Task<GrpcReply<T>> AdminAsync<T>(GrpcTestClient client, string method, IMessage request, string token, MessageParser<T> parser)
        where T : IMessage<T> =>
        client.UnaryAsync(Service, method, request, parser, token);

    private static async Task<Ticket> OkAsync(GrpcTestClient client, string service, string method, IMessage request, string token)
    {
        var reply = await client.UnaryAsync(service, method, request, Ticket.Parser, token);
        Assert.True(reply.IsOk, $"{method}: {reply.Status} {reply.Message}");
        return reply.Value;
    }

    private static CreateTicketRequest NewTicket() => new()
    {
        CallerPhone = "13800001234", Category = Category.Complaint, Urgency = Urgency.Normal, District = "河西区", Address = "友谊路1号",
        Content = "小区门口的古树被人砍了枝条",
    };

    private static async Task<string> DispatchedAsync(GrpcTestClient client, string agent, string departmentId)
    {
        var ticket = await OkAsync(client, GrpcTestClient.HotlineDesk, "CreateTicket", NewTicket(), agent);
        await OkAsync(client, GrpcTestClient.HotlineDesk, "DispatchTicket", new DispatchTicketRequest { TicketId = ticket.TicketId, DepartmentId = departmentId }, agent);
        return ticket.TicketId;
    }

    /// <summary>Every change, read two at a time so paging is exercised.</summary>
    private static async Task<List<DirectoryChange>> AllChangesAsync(GrpcTestClient client, string token, string subject)
    {
        var all = new List<DirectoryChange>();
        var request = new ListDirectoryChangesRequest { SubjectId = subject, PageSize = 2 };
        do
        {
            var page = (await AdminAsync(client, "ListDirectoryChanges", request, token, ListDirectoryChangesResponse.Parser)).Value;
            all.AddRange(page.Changes);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Count < 1000);

        return all;
    }

    private static async Task<List<DirectoryDepartment>> AllDepartmentsAsync(GrpcTestClient client, string token)
    {
        var all = new List<DirectoryDepartment>();
        var request = new ListDirectoryDepartmentsRequest { PageSize = 2 };
        do
        {
            var page = (await AdminAsync(client, "ListDirectoryDepartments", request, token, ListDirectoryDepartmentsResponse.Parser)).Value;
            all.AddRange(page.Departments);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Count < 1000);

        return all;
    }
}
