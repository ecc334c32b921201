using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostShutdownTests
{
    [Fact]
    public async Task Stop_GrainTurnInFlight_WaitsForItThenDeactivatesGrains()
    {
        var probe = new ShutdownProbe();
        var host = await RunningHost.StartAsync(loadDemo: false, configureServices: services => services.AddSingleton(probe));
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IShutdownProbeGrain>("other").IncrementAsync();
        var inFlight = grains.GetGrain<IShutdownProbeGrain>("busy").HoldAsync();
        await probe.Holding.Task;
        var queued = grains.GetGrain<IShutdownProbeGrain>("busy").IncrementAsync();

        var stopping = host.DisposeAsync().AsTask();
        await Task.Delay(200);
        var stoppedBeforeTurnEnded = stopping.IsCompleted;
        probe.Gate.SetResult();
        await stopping;

        Assert.False(stoppedBeforeTurnEnded);
        Assert.True(inFlight.IsCompletedSuccessfully);
        Assert.Equal(2, probe.Deactivations);

        // A call still queued when the silo stops is not run here: Orleans answers it "unavailable", which
        // the desks pass on as UNAVAILABLE so the client retries on a host that is up.
        await Assert.ThrowsAsync<SiloUnavailableException>(() => queued);
    }
}
