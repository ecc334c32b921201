using System.Net;
using System.Net.Http.Headers;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Hosting;

public sealed class DashboardTests
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Dashboard_ByRole_OnlySupervisorsGetIn()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        var tokens = host.App.Services.GetRequiredService<ITokenStore>();
        var supervisor = await tokens.IssueAsync(new Caller(CallerKind.Staff, "s1", StaffRole.Supervisor), CancellationToken.None);
        var agent = await tokens.IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);
        var department = await tokens.IssueAsync(new Caller(CallerKind.Department, "scjg", StaffRole.None), CancellationToken.None);

        var anonymous = await GetAsync(host, null);
        var forged = await GetAsync(host, "hl_not-a-token");
        var agentStatus = await GetAsync(host, agent);
        var departmentStatus = await GetAsync(host, department);
        var supervisorStatus = await GetAsync(host, supervisor);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Equal(HttpStatusCode.Forbidden, agentStatus);
        Assert.Equal(HttpStatusCode.Forbidden, departmentStatus);
        Assert.Equal(HttpStatusCode.OK, supervisorStatus);
    }

    [Fact]
    public async Task Dashboard_OnGrpcPort_NotServed()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http2.GetAsync(new Uri(host.GrpcBase, "/dashboard/"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpStatusCode> GetAsync(RunningHost host, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HttpBase, "/dashboard/"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }
}
