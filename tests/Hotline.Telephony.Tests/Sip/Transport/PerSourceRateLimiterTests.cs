using System.Net;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Sip.Transport;

public sealed class PerSourceRateLimiterTests
{
    [Fact]
    public void TryAcquire_BurstSpent_RefusesUntilTimePasses()
    {
        var time = new FakeTimeProvider();
        var limiter = new PerSourceRateLimiter(time, 5);
        var flooder = IPAddress.Parse("192.0.2.66");
        var caller = IPAddress.Parse("192.0.2.10");

        var granted = Enumerable.Range(0, 8).Count(_ => limiter.TryAcquire(flooder));

        Assert.Equal(5, granted);
        Assert.True(limiter.TryAcquire(caller));
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(limiter.TryAcquire(flooder));
        Assert.True(limiter.TryAcquire(flooder));
        Assert.False(limiter.TryAcquire(flooder));
    }

    [Fact]
    public void TryAcquire_RateZero_AlwaysGrants()
    {
        var limiter = new PerSourceRateLimiter(new FakeTimeProvider(), 0);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(limiter.TryAcquire(IPAddress.Loopback)));
    }
}
