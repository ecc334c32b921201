using Hotline.Silo.Agents;
using Hotline.Silo.Storage.Sql;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Media;
using Hotline.Telephony.Registrar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostTelephonyCompositionTests
{
    [Fact]
    public async Task Host_TelephonyPorts_AreTheDurableStoresAndTheAgentGrain()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);
        var services = host.App.Services;

        Assert.IsType<SqlAgentCredentialStore>(services.GetRequiredService<IAgentCredentialStore>());
        Assert.IsType<AgentStateAuthority>(services.GetRequiredService<IAgentStateAuthority>());
        Assert.IsType<SqlCallDetailRecordStore>(services.GetRequiredService<ICallDetailRecordStore>());
        Assert.IsType<SqlCallbackRequestStore>(services.GetRequiredService<ICallbackRequestStore>());
        Assert.NotEqual(0, host.SipEndPoint.Port);
    }

    [Fact]
    public async Task Host_MediaDataDirectory_FollowsDataDir()
    {
        await using var host = await RunningHost.StartAsync(loadDemo: false);

        Assert.Equal(host.DataDir, host.App.Services.GetRequiredService<IOptions<MediaOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task Host_MediaDataDirectorySet_IsKept()
    {
        var media = Path.Combine(Path.GetTempPath(), "hotline-media-" + Guid.NewGuid().ToString("N"));
        await using var host = await RunningHost.StartAsync(loadDemo: false, extraArgs: [$"--Media:DataDirectory={media}"]);

        Assert.Equal(media, host.App.Services.GetRequiredService<IOptions<MediaOptions>>().Value.DataDirectory);
    }
}
