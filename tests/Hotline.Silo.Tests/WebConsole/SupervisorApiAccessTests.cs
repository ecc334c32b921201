using System.Net;
using System.Text.Json;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>Who may take the wallboard's actions (<c>/api/console/supervisor/…</c>), over real HTTP against the running host.</summary>
public sealed class SupervisorApiAccessTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private static readonly string[] Actions = ["extension", "return", "designate", "review"];

    private ConsoleHost Host => fixture.Console;

    [Fact]
    public async Task Anonymous_EveryAction_401()
    {
        using var client = Host.Client();

        foreach (var path in Paths("20260101-000000-000001"))
        {
            using var response = await Host.PostJsonAsync(client, path, """{"approve":true,"reason":"x","departmentId":"sw"}""");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AgentAndLiaison_EveryAction_403AndTicketUnchanged()
    {
        var ticket = await ReturnedAsync();
        using var agent = await Host.SignInAsync("1001");
        using var liaison = await Host.SignInAsync("zjw-li");

        foreach (var client in new[] { agent, liaison })
        {
            foreach (var path in Paths(ticket))
            {
                using var response = await Host.PostJsonAsync(client, path, """{"approve":false,"reason":"x","departmentId":"sw"}""");
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(TicketState.Returned, (await Grain(ticket).GetAsync(Boss)).State);
    }

    [Fact]
    public async Task Supervisor_CrossSiteOrigin_403AndTicketUnchanged()
    {
        var ticket = await ReturnedAsync();
        using var boss = await Host.SignInAsync("boss");

        using var crossSite = await Host.PostJsonAsync(boss, $"/api/console/supervisor/tickets/{ticket}/return", """{"approve":false,"reason":"x"}""", origin: "http://evil.example");
        using var noOrigin = await Host.PostJsonAsync(boss, $"/api/console/supervisor/tickets/{ticket}/return", """{"approve":false,"reason":"x"}""", origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
        Assert.Equal(TicketState.Returned, (await Grain(ticket).GetAsync(Boss)).State);
    }

    [Fact]
    public async Task Supervisor_BadInput_PreciseChineseErrors()
    {
        var ticket = await ReturnedAsync();
        using var boss = await Host.SignInAsync("boss");

        var noApprove = await ErrorAsync(boss, $"/api/console/supervisor/tickets/{ticket}/return", """{"reason":"x"}""");
        var noDepartment = await ErrorAsync(boss, $"/api/console/supervisor/tickets/{ticket}/return", """{"approve":true}""");
        var sameDepartment = await ErrorAsync(boss, $"/api/console/supervisor/tickets/{ticket}/return", """{"approve":true,"departmentId":"zjw"}""");
        var noSuchTicket = await ErrorAsync(boss, "/api/console/supervisor/tickets/20200101-000000-000001/review", """{"approve":true}""");
        var noExtension = await ErrorAsync(boss, $"/api/console/supervisor/tickets/{ticket}/extension", """{"approve":true}""");
        var noSuchAgent = await ErrorAsync(boss, "/api/console/supervisor/agents/nobody/not-ready", """{"reason":"培训"}""");
        var noReason = await ErrorAsync(boss, "/api/console/supervisor/agents/1001/not-ready", "{}");

        Assert.Equal((HttpStatusCode.BadRequest, "approve", "审批结果"), (noApprove.Status, noApprove.Field, noApprove.FieldLabel));
        Assert.Equal((HttpStatusCode.BadRequest, "departmentId", "必填"), (noDepartment.Status, noDepartment.Field, noDepartment.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "department_id"), (sameDepartment.Status, sameDepartment.Field));
        Assert.Equal("部门不存在、已停用，或不能选择原部门。", sameDepartment.Error);
        Assert.Equal((HttpStatusCode.NotFound, "工单不存在，或无权查看。"), (noSuchTicket.Status, noSuchTicket.Error));
        Assert.Equal((HttpStatusCode.Conflict, "工单当前状态为「已退单」，不能执行此操作。"), (noExtension.Status, noExtension.Error));
        Assert.Equal((HttpStatusCode.NotFound, "坐席不存在或未登录电话。"), (noSuchAgent.Status, noSuchAgent.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "reason"), (noReason.Status, noReason.Field));
        Assert.Equal(TicketState.Returned, (await Grain(ticket).GetAsync(Boss)).State);
    }

    private static Caller Boss => new(CallerKind.Staff, "boss", StaffRole.Supervisor);

    private static IEnumerable<string> Paths(string ticket) =>
        Actions.Select(a => $"/api/console/supervisor/tickets/{ticket}/{a}").Append("/api/console/supervisor/agents/1001/not-ready");

    private ITicketGrain Grain(string id) => Host.Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(id);

    private async Task<string> ReturnedAsync()
    {
        using var agent = await Host.SignInAsync("1002");
        var id = await ConsoleAccessTests.CreateAndDispatchAsync(agent, "zjw", "占道经营，退单待定");
        await Grain(id).ReturnAsync(new ReturnTicket(new Caller(CallerKind.Department, "zjw", StaffRole.None), "不属于本单位"));
        return id;
    }

    private async Task<(HttpStatusCode Status, string? Error, string? Field, string? FieldLabel)> ErrorAsync(HttpClient client, string path, string json)
    {
        using var response = await Host.PostJsonAsync(client, path, json);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string? Text(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return (response.StatusCode, Text("error"), Text("field"), Text("fieldLabel"));
    }
}
