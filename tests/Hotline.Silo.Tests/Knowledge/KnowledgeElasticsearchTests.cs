using System.Net;
using System.Net.Sockets;
using Hotline.Api.Grpc;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Tests.Hosting;

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
        using var client = new HostGrpcClient(host);
        var token = await client.TokenAsync("a1", StaffRole.Agent);

        var (status, message, _) = await client.CallAsync(
            "/hotline.v1.Knowledge/Search", new SearchArticlesRequest { Query = "社保卡丢了" }, SearchArticlesResponse.Parser, token);

        Assert.Equal(StatusCode.Unavailable, (StatusCode)status);
        Assert.Contains("Elasticsearch search failed", message);
    }
}
