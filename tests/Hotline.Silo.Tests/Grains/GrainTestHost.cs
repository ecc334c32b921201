using Hotline.Contracts.Grains;
using Hotline.Silo.Grains;
using Hotline.Silo.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Tests.Grains;

/// <summary>A real grain runtime on a fake clock with the counter grain registered.</summary>
internal sealed class GrainTestHost : IAsyncDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private readonly ServiceProvider _services;

    public GrainTestHost()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Probe)
            .AddGrain<ICounterGrain, CounterGrain>()
            .Configure<GrainRuntimeOptions>(o => o.IdleTimeout = IdleTimeout)
            .BuildServiceProvider();
        Runtime = _services.GetRequiredService<GrainRuntime>();
        Grains = _services.GetRequiredService<IGrainFactory>();
    }

    public FakeTimeProvider Time { get; } = new();

    public GrainProbe Probe { get; } = new();

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains { get; }

    public ICounterGrain Counter(string key) => Grains.GetGrain<ICounterGrain>(key);

    /// <summary>Waits until the key's activation has finished its turns, so an idle timer is armed.</summary>
    public void WaitIdle(string key)
    {
        var id = new GrainId(typeof(ICounterGrain), key);
        Assert.True(SpinWait.SpinUntil(() => Runtime.IsIdle(id), TimeSpan.FromSeconds(10)), $"{key} never went idle");
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.ShutdownAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
