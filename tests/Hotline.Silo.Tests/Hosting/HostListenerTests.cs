using System.Net;
using System.Net.Http.Headers;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostListenerTests
{
    private static readonly HttpClient Client = new();

    [Fact]
    public async Task Metrics_OnHttpPort_ServesPrometheusText()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        using var response = await Client.GetAsync(new Uri(host.HttpBase, "/metrics"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE hotline_grpc_server_calls_total counter\n", body);
        Assert.Contains("# TYPE orleans_catalog_activations gauge\n", body);
        Assert.Contains("# TYPE orleans_messaging_processing_dispatcher_received_total counter\n", body);
    }

    [Fact]
    public async Task Metrics_AfterGrpcCall_CountsItByMethodAndStatus()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using (var call = await Client.SendAsync(GrpcRequest(new Uri(host.GrpcBase, "/hotline.v1.HotlineDesk/ListDepartments"))))
        {
            await call.Content.ReadAsByteArrayAsync();
        }

        var body = await Client.GetStringAsync(new Uri(host.HttpBase, "/metrics"));

        // No token: the call ends UNAUTHENTICATED, and is counted as such.
        Assert.Contains("hotline_grpc_server_calls_total{method=\"/hotline.v1.HotlineDesk/ListDepartments\",status=\"Unauthenticated\"} 1", body);
        Assert.Contains("hotline_grpc_server_duration_seconds_count{method=\"/hotline.v1.HotlineDesk/ListDepartments\"} 1", body);
    }

    [Fact]
    public async Task Start_PortZero_ResolvesTwoDistinctRealPorts()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        Assert.NotEqual(0, host.Ports.HttpPort);
        Assert.NotEqual(0, host.Ports.GrpcPort);
        Assert.NotEqual(host.Ports.HttpPort, host.Ports.GrpcPort);
    }

    [Fact]
    public async Task GrpcPort_UnknownMethodOverH2c_AnswersUnimplemented()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        using var response = await Client.SendAsync(GrpcRequest(new Uri(host.GrpcBase, "/hotline.v1.Nowhere/Nothing")));

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", GrpcStatus(response));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/metrics")]
    public async Task GrpcPort_HttpPageOverH2c_IsNotServed(string path)
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.GrpcBase, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await Client.SendAsync(request);

        // The gRPC layer answers every request on its port: a GET is not a gRPC call.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_Http11Request_IsRefused()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        using var response = await Client.GetAsync(new Uri(host.GrpcBase, "/metrics"));

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpPort_GrpcCallOverH2c_IsNotServed()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(GrpcRequest(new Uri(host.HttpBase, "/hotline.v1.HotlineDesk/GetTicket"))));
    }

    private static HttpRequestMessage GrpcRequest(Uri uri)
    {
        // One empty, uncompressed gRPC message: flag 0, length 0.
        var content = new ByteArrayContent([0, 0, 0, 0, 0]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    private static string? GrpcStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var values) || response.TrailingHeaders.TryGetValues("grpc-status", out values)
            ? values.Single()
            : null;
}
