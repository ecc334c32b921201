namespace Hotline.Silo.Tests.Scheduling;

/// <summary>The real host's Quartz scheduler on its SQLite job store, across a stop and a start.</summary>
public sealed class SchedulerRestartTests
{
    [Fact]
    public async Task Restart_AlarmsFellDueWhileTheHostWasDown_IssuedOnceEachAfterTheStart()
    {
        var restart = new SchedulerRestart(signWithin: TimeSpan.FromSeconds(20));
        var due = await restart.DispatchThenStopAsync("T-restart");
        var storedWhileDown = File.Exists(Path.Combine(restart.DataDir, "scheduler.db"));

        // Down past the sign deadline: its warning (80%) and overdue mark both fall due while nothing runs.
        var sign = await restart.RestartAfterAsync(due, "T-restart");

        Assert.Equal(["deadline_warning", "deadline_overdue"], sign.Select(e => e.Type));
        Assert.True(storedWhileDown);
    }
}
