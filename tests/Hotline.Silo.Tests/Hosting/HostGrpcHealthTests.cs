using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Silo.Tests.Hosting;

/// <summary>grpc.health.v1.Health on the gRPC port reports the same checks as /healthz on the HTTP port.</summary>
public sealed class HostGrpcHealthTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Check_StorageReachable_ServingLikeHealthz()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        using var channel = GrpcChannel.ForAddress(host.GrpcBase);

        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        using var healthz = await Http.GetAsync(new Uri(host.HttpBase, "/healthz"));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
    }

    [Fact]
    public async Task Check_AHostCheckFails_NotServingLikeHealthz()
    {
        await using var host = await RunningHost.StartAsync(
            loadDemo: false,
            configureServices: services => services.AddHealthChecks().AddCheck("fault", () => HealthCheckResult.Unhealthy("test fault")));
        using var channel = GrpcChannel.ForAddress(host.GrpcBase);

        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        using var healthz = await Http.GetAsync(new Uri(host.HttpBase, "/healthz"));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, answer.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthz.StatusCode);
    }
}
