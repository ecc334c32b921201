using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>Who may open which console page and JSON, over real HTTP against the running host.</summary>
public sealed class ConsoleAccessTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private static readonly string[] Pages = ["/agent", "/wallboard", "/liaison"];

    private static readonly string[] Json =
    [
        "/api/console/agent/state", "/api/console/agent/mine", "/api/console/agent/worklist/callbacks", "/api/console/agent/departments", "/api/console/knowledge?q=停水",
        "/api/console/wallboard", "/api/console/liaison/tickets",
    ];

    private ConsoleHost Host => fixture.Console;

    [Fact]
    public async Task Anonymous_PagesRedirectToSignIn_JsonAnswers401()
    {
        using var client = Host.Client();

        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("/?returnUrl=" + Uri.EscapeDataString(page), response.Headers.Location!.OriginalString);
        }

        foreach (var path in Json.Append("/api/console/wallboard/events").Append("/api/console/agent/calls"))
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
        }

        using var post = await Host.PostJsonAsync(client, "/api/console/agent/tickets", "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task Agent_SupervisorAndLiaisonPages_Forbidden()
    {
        using var agent = await Host.SignInAsync("1001");

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/agent")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/wallboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/console/wallboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/console/wallboard/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/liaison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/console/liaison/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Supervisor_CookieOpensWallboardAndDashboard_TokenStillWorks()
    {
        using var boss = await Host.SignInAsync("boss");
        var token = await Host.Host.App.Services.GetRequiredService<ITokenStore>()
            .IssueAsync(new Caller(CallerKind.Staff, "s9", StaffRole.Supervisor), default);
        using var bearer = Host.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/wallboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/console/wallboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Liaison_SeesOnlyItsDepartmentsTickets_PhonesMasked()
    {
        using var agent = await Host.SignInAsync("1001");
        var forZjw = await CreateAndDispatchAsync(agent, "zjw", "楼道灯坏了好几天");
        var forSw = await CreateAndDispatchAsync(agent, "sw", "自来水发黄");
        using var liaison = await Host.SignInAsync("zjw-li");

        var list = JsonDocument.Parse(await liaison.GetStringAsync("/api/console/liaison/tickets")).RootElement;
        var ids = list.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        using var other = await liaison.GetAsync("/api/console/liaison/tickets/" + forSw);

        Assert.Contains(forZjw, ids);
        Assert.DoesNotContain(forSw, ids);
        Assert.All(list.EnumerateArray(), t => Assert.Equal("zjw", t.GetProperty("leadDepartmentId").GetString()));
        Assert.All(list.EnumerateArray(), t => Assert.Contains("****", t.GetProperty("callerPhone").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/console/agent/mine")).StatusCode);
    }

    [Fact]
    public async Task EveryConsoleAnswer_SendsContentSecurityPolicy()
    {
        using var agent = await Host.SignInAsync("1001");

        foreach (var path in new[] { "/", "/agent", "/console/agent.js", "/api/console/agent/state" })
        {
            using var response = await agent.GetAsync(path);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CrossSitePost_WithSessionCookie_Refused()
    {
        using var agent = await Host.SignInAsync("1001");
        const string Ticket = """{"callerPhone":"13900000000","category":"Help","district":"和平区","content":"跨站","urgency":"Normal"}""";

        using var foreign = await Host.PostJsonAsync(agent, "/api/console/agent/tickets", Ticket, origin: "http://evil.example");
        using var none = await Host.PostJsonAsync(agent, "/api/console/agent/tickets", Ticket, origin: null);
        using var foreignSignIn = await Host.PostFormAsync(Host.Client(), "/signin", new() { ["id"] = "1001", ["password"] = ConsoleHost.Password }, "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignSignIn.StatusCode);
    }

    [Fact]
    public async Task CreateTicket_MissingField_400NamesTheField()
    {
        using var agent = await Host.SignInAsync("1001");

        using var response = await Host.PostJsonAsync(agent, "/api/console/agent/tickets", """{"callerPhone":"13900000000","category":"Help","content":"x","urgency":"Normal"}""");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("district", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var agent = await Host.SignInAsync("1002");

        using var signOut = await Host.PostFormAsync(agent, "/signout", []);
        using var after = await agent.GetAsync("/api/console/agent/state");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    internal static async Task<string> CreateAndDispatchAsync(HttpClient agent, string department, string content, string phone = "13700001234")
    {
        var host = new Uri(agent.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/console/agent/tickets")
        {
            Content = new StringContent(JsonSerializer.Serialize(new
            {
                callerPhone = phone, category = "Complaint", district = "和平区", address = "南京路1号", content, urgency = "Normal",
            }), System.Text.Encoding.UTF8, "application/json"),
        };
        create.Headers.Add("Origin", host.GetLeftPart(UriPartial.Authority));
        using var created = await agent.SendAsync(create);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var dispatch = new HttpRequestMessage(HttpMethod.Post, $"/api/console/agent/tickets/{id}/dispatch")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { departmentId = department }), System.Text.Encoding.UTF8, "application/json"),
        };
        dispatch.Headers.Add("Origin", host.GetLeftPart(UriPartial.Authority));
        using var dispatched = await agent.SendAsync(dispatch);
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
        return id;
    }
}
