using Hotline.Silo.Calendar;
using Hotline.Silo.Scheduling;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>The callback rules as plain code: back-off, its cap, quiet hours' edges.</summary>
public sealed class CallbackPlanTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly CallbackPlan _plan = new(
        new CallbackOptions { Attempts = 6, RetryInterval = TimeSpan.FromMinutes(10), MaxRetryInterval = TimeSpan.FromHours(2) },
        QuietHours.Parse("21:00-08:00"),
        new WorkCalendar(new CalendarOptions()).TimeZone);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    [InlineData(5, 120)]
    [InlineData(9, 120)]
    public void NextAttemptAt_DoublesPerAttemptUpToTheCap(int attempt, int minutes)
    {
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, Shanghai);

        Assert.Equal(at.AddMinutes(minutes), _plan.NextAttemptAt(attempt, at));
    }

    [Fact]
    public void NextAttemptAt_LandingOnTheQuietStart_MovesToEightNextMorning() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, Shanghai), _plan.NextAttemptAt(1, new DateTimeOffset(2026, 12, 7, 20, 50, 0, Shanghai)));

    [Theory]
    [InlineData(20, 59, true)]
    [InlineData(21, 0, false)]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    public void MayCall_QuietHoursEdges_StartQuietEndNot(int hour, int minute, bool may) =>
        Assert.Equal(may, _plan.MayCall(new DateTimeOffset(2026, 12, 7, hour, minute, 0, Shanghai)));

    [Fact]
    public void IsLast_AtTheConfiguredCount() =>
        Assert.Equal((false, true), (_plan.IsLast(5), _plan.IsLast(6)));
}
