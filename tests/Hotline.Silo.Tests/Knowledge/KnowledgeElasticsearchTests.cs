using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>The host composed with <c>Search:Provider=elasticsearch</c> while no Elasticsearch answers.</summary>
public sealed class KnowledgeElasticsearchTests
{
    [Fact]
    public async Task Search_ElasticsearchUnreachable_HostRunsAndSearchIsUnavailable()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var host = await RunningHost.StartAsync(
            loadDemo: true, extraArgs: ["--Search:Provider=elasticsearch", $"--Search:Elasticsearch:Url=http://127.0.0.1:{closedPort}"]);
        using var client = new GrpcTestClient(host.GrpcBase);
        var token = await host.App.Services.GetRequiredService<ITokenStore>()
            .IssueAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent), CancellationToken.None);

        var (status, message, _) = await client.UnaryAsync(
            "/hotline.v1.Knowledge/Search", new SearchArticlesRequest { Query = "社保卡丢了" }, SearchArticlesResponse.Parser, token);

        Assert.Equal(StatusCode.Unavailable, (StatusCode)status);
        Assert.Contains("Elasticsearch search failed", message);
    }
}
