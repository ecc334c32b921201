using System.Net;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Sip.Transport;

public sealed class SipSourceGuardTests
{
    private static readonly IPAddress Scanner = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress Trunk = IPAddress.Parse("192.0.2.1");
    private readonly FakeTimeProvider _time = new();

    private SipSourceGuard Guard(int failures = 3) =>
        new(new PerSourceRateLimiter(_time, 0), [Trunk], _time, failures, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10));

    [Fact]
    public void Strike_ReachesLimitWithinWindow_SourceDroppedUntilBanEnds()
    {
        var guard = Guard();
        guard.Strike(Scanner);
        guard.Strike(Scanner);
        Assert.True(guard.TryAcquire(Scanner));

        guard.Strike(Scanner);

        Assert.False(guard.TryAcquire(Scanner));
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.False(guard.TryAcquire(Scanner));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(guard.TryAcquire(Scanner));
    }

    [Fact]
    public void Strike_SpreadBeyondWindow_NeverBanned()
    {
        var guard = Guard();
        for (var i = 0; i < 10; i++)
        {
            guard.Strike(Scanner);
            guard.Strike(Scanner);
            _time.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.True(guard.TryAcquire(Scanner));
    }

    [Fact]
    public void Strike_Trunk_NeverBannedNorLimited()
    {
        var guard = new SipSourceGuard(new PerSourceRateLimiter(_time, 1), [Trunk], _time, 1, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10));
        guard.Strike(Trunk);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(guard.TryAcquire(Trunk)));
    }

    [Fact]
    public void Strike_ZeroLimit_BansNobody()
    {
        var guard = Guard(failures: 0);
        for (var i = 0; i < 100; i++)
        {
            guard.Strike(Scanner);
        }

        Assert.True(guard.TryAcquire(Scanner));
    }
}
