using Hotline.Silo.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Grains;

public sealed class GrainRuntimeTests
{
    [Fact]
    public async Task Calls_ManyConcurrentOnOneKey_NeverOverlap()
    {
        await using var host = new GrainTestHost();

        var calls = Enumerable.Range(0, 300).Select(_ => Task.Run(() => host.Counter("a").IncrementAsync()));
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 300), results.Order());
        Assert.Equal(300, await host.Counter("a").IncrementAsync() - 1);
    }

    [Fact]
    public async Task Calls_IssuedInOrder_RunInArrivalOrder()
    {
        await using var host = new GrainTestHost();
        var grain = host.Counter("fifo");

        var appends = Enumerable.Range(0, 200).Select(grain.AppendAsync).ToArray();
        await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(0, 200), await grain.ReadAsync());
    }

    [Fact]
    public async Task GetGrain_ConcurrentFirstCalls_CreateOneActivation()
    {
        await using var host = new GrainTestHost();
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return host.Counter("one").ActivationNumberAsync();
        })).ToArray();
        start.Set();
        var numbers = await Task.WhenAll(calls);

        Assert.All(numbers, n => Assert.Equal(1, n));
        Assert.Equal(1, host.Probe.Activations);
    }

    [Fact]
    public async Task GetGrain_DifferentKeys_HaveSeparateActivations()
    {
        await using var host = new GrainTestHost();

        await host.Counter("x").IncrementAsync();
        await host.Counter("x").IncrementAsync();
        var y = await host.Counter("y").IncrementAsync();

        Assert.Equal(1, y);
        Assert.Equal(2, host.Probe.Activations);
        Assert.Equal(2, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Call_GrainThrows_SameExceptionReachesCaller()
    {
        await using var host = new GrainTestHost();
        var thrown = new ArgumentException("bad ticket", "ticketId");

        var caught = await Assert.ThrowsAsync<ArgumentException>(() => host.Counter("e").ThrowAsync(thrown));

        Assert.Same(thrown, caught);
        Assert.Equal(1, await host.Counter("e").IncrementAsync());
    }

    [Fact]
    public async Task Activation_HookFails_CallFailsAndNextCallRetries()
    {
        await using var host = new GrainTestHost();
        host.Probe.FailNextActivations = 1;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Counter("f").IncrementAsync());
        var number = await host.Counter("f").ActivationNumberAsync();

        Assert.Equal("activation failed on purpose", failure.Message);
        Assert.Equal(1, number);
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Call_ToOtherGrainInsideTurn_Completes()
    {
        await using var host = new GrainTestHost();

        Assert.Equal(1, await host.Counter("caller").IncrementOtherAsync("callee"));
        Assert.Equal(2, await host.Counter("callee").IncrementAsync());
    }

    [Fact]
    public async Task Call_CallerGivesUpWhileQueued_IsDroppedWithoutRunning()
    {
        await using var host = new GrainTestHost();
        var gate = new TaskCompletionSource();
        var grain = host.Counter("q");
        var blocking = grain.WaitForAsync(gate.Task, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var queued = grain.WaitForAsync(Task.CompletedTask, giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        gate.SetResult();
        await blocking;

        Assert.Equal(1, host.Probe.CallsRun);
    }

    [Fact]
    public async Task GetGrain_UnregisteredInterface_Throws()
    {
        await using var host = new GrainTestHost();

        var error = Assert.Throws<InvalidOperationException>(() => host.Grains.GetGrain<IUnregisteredGrain>("k"));

        Assert.Contains(nameof(IUnregisteredGrain), error.Message);
    }

    [Fact]
    public void AddGrain_MethodNotReturningTask_IsRefused()
    {
        var error = Assert.Throws<NotSupportedException>(() => new ServiceCollection().AddGrain<IBadGrain, BadGrain>());

        Assert.Contains(nameof(IBadGrain.Count), error.Message);
    }
}
