using Hotline.Silo.Tests.Fakes;
using Hotline.Silo.WebConsole;
using Microsoft.Extensions.Hosting;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// The wallboard exchange's long poll and the host's shutdown: the silo cannot deactivate the grain while a poll
/// waits in it, so a stopping host must not be held for the poll's full 15 s.
/// </summary>
public sealed class WallboardGrainTests
{
    private static readonly TimeSpan FullWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WaitingPoll_HostStartsStopping_ReturnsWithoutTheClockMoving()
    {
        var (grain, _, lifetime) = NewGrain();
        var current = (await grain.WaitAsync(0, TimeSpan.Zero)).Version;
        var poll = grain.WaitAsync(current, FullWait);
        Assert.False(poll.IsCompleted);

        await lifetime.StopAsync();
        var board = await poll.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(current, board.Version);
    }

    [Fact]
    public async Task PollWhileStopping_WaitsOneSecondAtMost_NotFifteen()
    {
        var (grain, time, lifetime) = NewGrain();
        var current = (await grain.WaitAsync(0, TimeSpan.Zero)).Version;
        await lifetime.StopAsync();

        var poll = grain.WaitAsync(current, FullWait);
        var waitedWhileClockStill = !poll.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await poll.WaitAsync(TimeSpan.FromSeconds(30));

        // It still waits a little, so a remote host polling a stopping one does not spin.
        Assert.True(waitedWhileClockStill);
    }

    [Fact]
    public async Task PollOnRunningHost_WaitsForAChangeUpToFifteenSeconds()
    {
        var (grain, time, _) = NewGrain();
        var current = (await grain.WaitAsync(0, TimeSpan.Zero)).Version;

        var poll = grain.WaitAsync(current, TimeSpan.FromMinutes(5));
        time.Advance(TimeSpan.FromSeconds(14));
        var openAfterFourteen = !poll.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await poll.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(openAfterFourteen);
    }

    private static (WallboardGrain Grain, FakeTimeProvider Time, StoppableLifetime Lifetime) NewGrain()
    {
        var time = new FakeTimeProvider();
        var lifetime = new StoppableLifetime();
        return (new WallboardGrain(time, lifetime), time, lifetime);
    }

    /// <summary>The host's lifetime with only the stopping signal a test needs to raise.</summary>
    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public Task StopAsync() => _stopping.CancelAsync();
    }
}
