namespace Hotline.Silo.Tests.Grains;

public sealed class GrainCollectionTests
{
    [Fact]
    public async Task IdleActivation_AfterIdleTimeout_IsCollectedAndNextCallReactivates()
    {
        await using var host = new GrainTestHost();
        await host.Counter("c").IncrementAsync();
        host.WaitIdle("c");

        host.Time.Advance(GrainTestHost.IdleTimeout);

        Assert.Equal(1, host.Probe.Deactivations);
        Assert.Equal(0, host.Runtime.ActivationCount);
        Assert.Equal(1, await host.Counter("c").IncrementAsync());
        Assert.Equal(2, await host.Counter("c").ActivationNumberAsync());
    }

    [Fact]
    public async Task BusyActivation_CallsWithinIdleTimeout_StaysActive()
    {
        await using var host = new GrainTestHost();
        await host.Counter("c").IncrementAsync();
        host.WaitIdle("c");

        host.Time.Advance(GrainTestHost.IdleTimeout * 0.6);
        await host.Counter("c").IncrementAsync();
        host.WaitIdle("c");
        host.Time.Advance(GrainTestHost.IdleTimeout * 0.6);

        Assert.Equal(0, host.Probe.Deactivations);
        Assert.Equal(3, await host.Counter("c").IncrementAsync());
    }

    [Fact]
    public async Task DeactivateOnIdle_AfterTurn_DeactivatesAndNextCallReactivates()
    {
        await using var host = new GrainTestHost();
        await host.Counter("d").IncrementAsync();

        await host.Counter("d").RetireAsync();
        var number = await host.Counter("d").ActivationNumberAsync();

        Assert.Equal(1, host.Probe.Deactivations);
        Assert.Equal(2, number);
    }

    [Fact]
    public async Task Call_WhileCollectionRuns_WaitsAndGoesToNewActivation()
    {
        await using var host = new GrainTestHost();
        await host.Counter("r").IncrementAsync();
        host.WaitIdle("r");
        var deactivationGate = new TaskCompletionSource();
        host.Probe.DeactivationGate = deactivationGate.Task;

        host.Time.Advance(GrainTestHost.IdleTimeout);
        var racing = host.Counter("r").ActivationNumberAsync();
        var finishedBeforeDeactivation = racing.IsCompleted;
        deactivationGate.SetResult();

        Assert.False(finishedBeforeDeactivation);
        Assert.Equal(2, await racing);
        Assert.Equal(1, host.Probe.MaxLive);
    }

    [Fact]
    public async Task Calls_RacingRepeatedCollection_NeverReachDeadActivationOrDuplicate()
    {
        await using var host = new GrainTestHost();
        var failures = 0;

        for (var round = 0; round < 200; round++)
        {
            var calls = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await host.Counter("race").ActivationNumberAsync();
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref failures);
                }
            })).ToArray();
            host.Time.Advance(GrainTestHost.IdleTimeout);
            await Task.WhenAll(calls);
        }

        Assert.Equal(0, failures);
        Assert.Equal(1, host.Probe.MaxLive);
    }

    [Fact]
    public async Task Shutdown_WithQueuedCalls_DrainsThemThenDeactivatesAndRefusesNewCalls()
    {
        await using var host = new GrainTestHost();
        var gate = new TaskCompletionSource();
        var grain = host.Counter("s");
        var running = grain.WaitForAsync(gate.Task, CancellationToken.None);
        var queued = grain.IncrementAsync();

        var shutdown = host.Runtime.ShutdownAsync(CancellationToken.None);
        var stoppedEarly = shutdown.IsCompleted;
        gate.SetResult();
        await shutdown;

        Assert.False(stoppedEarly);
        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(1, await queued);
        Assert.Equal(1, host.Probe.Deactivations);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Counter("s").IncrementAsync());
    }
}
