using System.Net;
using Hotline.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostStorageTests
{
    private static readonly HttpClient Client = new();

    [Fact]
    public async Task Healthz_StorageReachable_ReturnsHealthy()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        using var response = await Client.GetAsync(new Uri(host.HttpBase, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_EmptyStore_LoadsDemoDepartments()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: true);
        var store = host.App.Services.GetRequiredService<IOrganisationStore>();

        var departments = await store.ListAsync(CancellationToken.None);

        Assert.Equal(32, departments.Count);
        var market = Assert.Single(departments, d => d.Id == "scjg");
        Assert.Equal("市市场监管委", market.Name);
        Assert.Equal(5, market.HandlingWorkingDays);
    }

    [Fact]
    public async Task Start_NoDemo_LeavesStoreEmpty()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        Assert.True(await host.App.Services.GetRequiredService<IOrganisationStore>().IsEmptyAsync(CancellationToken.None));
    }
}
