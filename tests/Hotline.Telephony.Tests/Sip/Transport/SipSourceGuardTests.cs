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

    [Fact]
    public void Strike_300000DistinctSourcesAfterABan_BanHeldAndTableBounded()
    {
        var guard = Guard();
        for (var i = 0; i < 3; i++)
        {
            guard.Strike(Scanner);
        }

        for (var i = 0; i < 300_000; i++)
        {
            guard.Strike(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]));
        }

        Assert.True(guard.IsBanned(Scanner));
        Assert.False(guard.TryAcquire(Scanner));
        Assert.True(guard.TrackedCount <= SipSourceGuard.DefaultMaxTrackedSources);
    }

    [Fact]
    public void Strike_TableFull_LeastRecentlyStruckForgottenFirst()
    {
        var guard = new SipSourceGuard(new PerSourceRateLimiter(_time, 0), [], _time, 2, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10), maxTracked: 3);
        IPAddress A = IPAddress.Parse("198.51.100.1"), B = IPAddress.Parse("198.51.100.2"), C = IPAddress.Parse("198.51.100.3"), D = IPAddress.Parse("198.51.100.4");
        guard.Strike(A);
        guard.Strike(B);
        guard.Strike(C);
        guard.Strike(B); // B banned: two strikes, kept apart from the watched sources

        guard.Strike(D); // table full (A, C, B): A, struck longest ago, goes
        guard.Strike(C); // C was kept: its second strike bans it
        guard.Strike(A); // A was forgotten: it starts over (D, the only unbanned one, makes room)

        Assert.True(guard.IsBanned(B));
        Assert.True(guard.IsBanned(C));
        Assert.False(guard.IsBanned(A));
        Assert.Equal(3, guard.TrackedCount);
    }

    [Fact]
    public void Strike_TableAllLiveBans_NoBanDroppedAndNewSourceTrackedOnceABanEnds()
    {
        var guard = new SipSourceGuard(new PerSourceRateLimiter(_time, 0), [], _time, 1, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10), maxTracked: 2);
        IPAddress A = IPAddress.Parse("198.51.100.1"), B = IPAddress.Parse("198.51.100.2"), C = IPAddress.Parse("198.51.100.3");
        guard.Strike(A);
        _time.Advance(TimeSpan.FromMinutes(1));
        guard.Strike(B);

        guard.Strike(C); // the table is two live bans: C is not remembered, neither ban is lifted

        Assert.True(guard.IsBanned(A));
        Assert.True(guard.IsBanned(B));
        Assert.False(guard.IsBanned(C));
        Assert.Equal(2, guard.TrackedCount);
        _time.Advance(TimeSpan.FromMinutes(9.5)); // A's ban (from minute 0) ended at minute 10; B's runs to minute 11
        guard.Strike(C);
        Assert.True(guard.IsBanned(C));
        Assert.True(guard.IsBanned(B));
        Assert.False(guard.IsBanned(A));
    }

    [Fact]
    public void Strike_IPv6_TrackedAndBannedPerSlash64()
    {
        var guard = Guard();

        guard.Strike(IPAddress.Parse("2001:db8:1:2::1"));
        guard.Strike(IPAddress.Parse("2001:db8:1:2::2"));
        guard.Strike(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));

        Assert.False(guard.TryAcquire(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.True(guard.TryAcquire(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.True(guard.TryAcquire(Scanner));
    }

    [Fact]
    public void Strike_IPv4MappedIPv6_SameSourceAsIPv4()
    {
        var guard = Guard();
        for (var i = 0; i < 3; i++)
        {
            guard.Strike(Scanner.MapToIPv6());
        }

        Assert.False(guard.TryAcquire(Scanner));
    }
}
