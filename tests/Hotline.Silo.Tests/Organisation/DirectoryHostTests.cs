using System.Text.Json;
using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Tests.Cli;
using Hotline.Silo.Tests.Hosting;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Storage;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Organisation;

/// <summary>
/// Issue 14's scenario against a running host started with --no-demo, on SQLite and PostgreSQL: the
/// CLI imports a 32-department directory while the server runs, a ticket is dispatched to one of them,
/// disabling it is refused while the ticket is open there and accepted once it was re-dispatched, and
/// the dispatch advisor's suggestions follow the directory.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectoryHostTests(PostgresServerFixture postgres)
{
    private const string Forestry = "lyj";
    private const string DutyPhone = "022-23456789";
    private const string TreeTicket = "小区门口的古树名木被人砍了好几根枝条，想问林木采伐许可是谁批的，请林业部门来看看";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Directory_ImportDispatchDisable_SuggestionsFollow(string provider)
    {
        string[] storage = provider == "postgres"
            ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={await postgres.CreateSchemaAsync()}"]
            : [];
        await using var host = await RunningHost.StartAsync(loadDemo: false, extraArgs: storage);
        string[] cli = [$"--DataDir={host.DataDir}", .. storage];
        using var client = new GrpcTestClient(host.GrpcBase);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        var agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        var file = Path.Combine(host.DataDir, "departments.json");
        await File.WriteAllTextAsync(file, ThirtyTwoDepartments());

        var import = await CliTests.RunAsync(["department", "import", file, "--by", "admin:wang", .. cli]);
        Assert.True(import.Code == 0, import.Error);
        Assert.Contains("imported 32 departments (32 new", import.Output, StringComparison.Ordinal);
        Assert.Contains(Forestry, await SuggestedAsync(client, agent, expectPresent: true));
        var threeParty = host.App.Services.GetRequiredService<IThreePartyCalls>();

        // The duty phone is a department number now: the refusal is only that agent 1001 has no call.
        Assert.Equal(CallCenterRefusal.NotFound, (await threeParty.AddThirdPartyAsync("1001", DutyPhone, default)).Refusal);

        var ticket = await CallOkAsync(client, "/hotline.v1.HotlineDesk/CreateTicket", new CreateTicketRequest
        {
            CallerPhone = "13800001234", Category = Category.Complaint, Urgency = Urgency.Normal, District = "河西区", Address = "友谊路1号", Content = TreeTicket,
        }, agent);
        await CallOkAsync(client, "/hotline.v1.HotlineDesk/DispatchTicket", new DispatchTicketRequest { TicketId = ticket.TicketId, DepartmentId = Forestry }, agent);

        var refused = await CliTests.RunAsync(["department", "disable", Forestry, "--reason", "机构改革", .. cli]);
        Assert.Equal(1, refused.Code);
        Assert.Contains("1 open ticket(s)", refused.Error, StringComparison.Ordinal);

        await CallOkAsync(client, "/hotline.v1.DepartmentDesk/ReturnTicket",
            new ReturnTicketRequest { TicketId = ticket.TicketId, Reason = "古树归园林部门" },
            await tokens.IssueAsync(new Caller(CallerKind.Department, Forestry, StaffRole.None), CancellationToken.None));
        await CallOkAsync(client, "/hotline.v1.HotlineDesk/DecideReturn",
            new DecideReturnRequest { TicketId = ticket.TicketId, Approve = true, DepartmentId = "b01" }, agent);
        var accepted = await CliTests.RunAsync(["department", "disable", Forestry, "--reason", "机构改革，职能并入b01", .. cli]);

        Assert.True(accepted.Code == 0, accepted.Error);
        var second = await CallOkAsync(client, "/hotline.v1.HotlineDesk/CreateTicket", new CreateTicketRequest
        {
            CallerPhone = "13800001235", Category = Category.Complaint, Urgency = Urgency.Normal, District = "河西区", Address = "友谊路2号", Content = TreeTicket,
        }, agent);
        var (dispatchStatus, dispatchMessage, _) = await client.UnaryAsync("/hotline.v1.HotlineDesk/DispatchTicket",
            new DispatchTicketRequest { TicketId = second.TicketId, DepartmentId = Forestry }, Ticket.Parser, agent);
        Assert.Equal(StatusCode.InvalidArgument, (StatusCode)dispatchStatus);
        Assert.Contains("department_id", dispatchMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Forestry, await SuggestedAsync(client, agent, expectPresent: false));
        var disabledNumber = await threeParty.AddThirdPartyAsync("1001", DutyPhone, default);
        Assert.Equal(CallCenterRefusal.InvalidArgument, disabledNumber.Refusal);
        Assert.Contains("not a department number", disabledNumber.Detail, StringComparison.Ordinal);
        var list = await CliTests.RunAsync(["department", "list", .. cli]);
        Assert.Contains($"{Forestry}\t市林业局\tmunicipal\t-\t5\t022-23456789\tdisabled", list.Output, StringComparison.Ordinal);
        var history = await CliTests.RunAsync(["department", "history", Forestry, .. cli]);
        Assert.Contains("disable\tcli:", history.Output, StringComparison.Ordinal);
        Assert.Contains("机构改革，职能并入b01", history.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The advisor hears of CLI changes by polling the store, so the answer is awaited (up to 20 s)
    /// rather than expected at once; the test fails if it never comes.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SuggestedAsync(GrpcTestClient client, string token, bool expectPresent)
    {
        var request = new SuggestDepartmentsRequest { Content = TreeTicket, Category = Category.Complaint, District = "河西区", Limit = 10 };
        IReadOnlyList<string> ids = [];
        for (var attempt = 0; attempt < 80; attempt++)
        {
            var (status, message, response) = await client.UnaryAsync("/hotline.v1.HotlineDesk/SuggestDepartments", request, SuggestDepartmentsResponse.Parser, token);
            Assert.True(status == 0, message);
            ids = response!.Suggestions.Select(s => s.DepartmentId).ToList();
            if (ids.Contains(Forestry) == expectPresent)
            {
                return ids;
            }

            await Task.Delay(250);
        }

        return ids;
    }

    private static async Task<Ticket> CallOkAsync(GrpcTestClient client, string path, Google.Protobuf.IMessage request, string token)
    {
        var (status, message, ticket) = await client.UnaryAsync(path, request, Ticket.Parser, token);
        Assert.True(status == 0, $"{path}: {status} {message}");
        return ticket!;
    }

    /// <summary>16 bureaus (one of them forestry), 8 district governments and a street office under each.</summary>
    private static string ThirtyTwoDepartments()
    {
        var departments = new List<object>
        {
            new Dictionary<string, object?>
            {
                ["id"] = Forestry, ["name"] = "市林业局", ["kind"] = "municipal",
                ["responsibilities"] = "古树名木保护、林木采伐许可、林业有害生物防治和森林防火。",
                ["keywords"] = new[] { "古树", "林木" }, ["handle_working_days"] = 5, ["duty_phone"] = DutyPhone,
            },
        };
        departments.AddRange(Enumerable.Range(1, 15).Select(i => new Dictionary<string, object?>
        {
            ["id"] = $"b{i:00}", ["name"] = $"市第{i}局", ["kind"] = "municipal", ["responsibilities"] = $"第{i}类事务的管理。", ["handle_working_days"] = 5,
        }));
        foreach (var (id, name) in new[] { ("hp", "和平区"), ("hd", "河东区"), ("hx", "河西区"), ("nk", "南开区"), ("hb", "河北区"), ("hq", "红桥区"), ("dl", "东丽区"), ("xq", "西青区") })
        {
            departments.Add(new Dictionary<string, object?> { ["id"] = id, ["name"] = name + "人民政府", ["kind"] = "district", ["responsibilities"] = name + "辖区事务。", ["handle_working_days"] = 7 });
            departments.Add(new Dictionary<string, object?>
            {
                ["id"] = id + "-jd1", ["name"] = name + "第一街道办事处", ["kind"] = "street", ["parent"] = id, ["responsibilities"] = "街道辖区事务。", ["handle_working_days"] = 5,
            });
        }

        return JsonSerializer.Serialize(departments, new JsonSerializerOptions { WriteIndented = true });
    }
}
