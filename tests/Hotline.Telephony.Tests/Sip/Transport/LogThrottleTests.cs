using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Sip.Transport;

public sealed class LogThrottleTests
{
    [Fact]
    public void TryEnter_OverLimitThenNextInterval_HoldsBackAndReportsHowMany()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromSeconds(1), 3);

        var written = Enumerable.Range(0, 10).Count(_ => throttle.TryEnter(out _));
        time.Advance(TimeSpan.FromSeconds(1));
        var next = throttle.TryEnter(out var suppressed);

        Assert.Equal(3, written);
        Assert.True(next);
        Assert.Equal(7, suppressed);
    }
}
