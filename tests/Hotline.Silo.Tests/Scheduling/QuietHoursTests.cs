using Hotline.Silo.Scheduling;

namespace Hotline.Silo.Tests.Scheduling;

public sealed class QuietHoursTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("cst", Shanghai, "cst", "cst");

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void IsQuiet_DefaultWindowWrapsMidnight_StartQuietEndNot(int hour, int minute, bool quiet)
    {
        var hours = QuietHours.Parse("21:00-08:00");

        Assert.Equal(quiet, hours.IsQuiet(new DateTimeOffset(2026, 11, 23, hour, minute, 0, Shanghai), Zone));
    }

    [Fact]
    public void NextAllowed_BeforeMidnight_MovesToEightNextMorning()
    {
        var next = QuietHours.Parse("21:00-08:00").NextAllowed(new DateTimeOffset(2026, 11, 23, 22, 30, 0, Shanghai), Zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Shanghai), next);
    }

    [Fact]
    public void NextAllowed_AfterMidnight_MovesToEightSameMorning()
    {
        var next = QuietHours.Parse("21:00-08:00").NextAllowed(new DateTimeOffset(2026, 11, 24, 5, 0, 0, Shanghai), Zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Shanghai), next);
    }

    [Fact]
    public void NextAllowed_OutsideQuietHours_Unchanged()
    {
        var at = new DateTimeOffset(2026, 11, 24, 20, 59, 59, Shanghai);

        Assert.Equal(at, QuietHours.Parse("21:00-08:00").NextAllowed(at, Zone));
    }

    [Fact]
    public void IsQuiet_WindowWithinOneDay_OnlyInside()
    {
        var lunch = QuietHours.Parse("12:00-13:30");

        Assert.True(lunch.IsQuiet(new DateTimeOffset(2026, 11, 24, 12, 45, 0, Shanghai), Zone));
        Assert.False(lunch.IsQuiet(new DateTimeOffset(2026, 11, 24, 13, 30, 0, Shanghai), Zone));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 30, 0, Shanghai), lunch.NextAllowed(new DateTimeOffset(2026, 11, 24, 12, 0, 0, Shanghai), Zone));
    }

    [Theory]
    [InlineData("21:00")]
    [InlineData("21:00-21:00")]
    [InlineData("25:00-08:00")]
    [InlineData("9pm-8am")]
    public void TryParse_Malformed_Refused(string text)
    {
        Assert.False(QuietHours.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Empty_MeansNoQuietHours()
    {
        Assert.True(QuietHours.TryParse("", out var none));
        Assert.False(none.IsQuiet(new DateTimeOffset(2026, 11, 24, 3, 0, 0, Shanghai), Zone));
    }
}
