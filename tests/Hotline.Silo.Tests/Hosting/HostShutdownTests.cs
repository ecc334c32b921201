using Hotline.Contracts.Grains;
using Hotline.Silo.Grains;
using Hotline.Silo.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Hosting;

public sealed class HostShutdownTests
{
    [Fact]
    public async Task Stop_GrainTurnInFlight_WaitsForItThenDeactivatesGrains()
    {
        var probe = new GrainProbe();
        var host = await RunningHost.StartAsync(loadDemo: false, configureServices: services => services
            .AddSingleton(probe)
            .AddGrain<ICounterGrain, CounterGrain>());
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var runtime = host.App.Services.GetRequiredService<GrainRuntime>();
        await grains.GetGrain<ICounterGrain>("other").IncrementAsync();
        var gate = new TaskCompletionSource();
        var inFlight = grains.GetGrain<ICounterGrain>("busy").WaitForAsync(gate.Task, CancellationToken.None);
        var queued = grains.GetGrain<ICounterGrain>("busy").IncrementAsync();

        var stopping = host.DisposeAsync().AsTask();
        await Task.Delay(50);
        var stoppedBeforeTurnEnded = stopping.IsCompleted;
        gate.SetResult();
        await stopping;

        Assert.False(stoppedBeforeTurnEnded);
        Assert.True(inFlight.IsCompletedSuccessfully);
        Assert.Equal(1, await queued);
        Assert.Equal(2, probe.Deactivations);
        Assert.Equal(0, runtime.ActivationCount);
    }
}
