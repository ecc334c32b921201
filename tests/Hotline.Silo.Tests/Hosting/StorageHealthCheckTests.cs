using Hotline.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Silo.Tests.Hosting;

public sealed class StorageHealthCheckTests
{
    [Fact]
    public async Task CheckHealth_NoStorageComposed_IsUnhealthyAndSaysWhy()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var result = await new StorageHealthCheck(services).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("No storage is composed into this host.", result.Description);
    }
}
