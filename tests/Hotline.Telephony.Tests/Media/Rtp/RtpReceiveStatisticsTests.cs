using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    [Fact]
    public void Update_SequenceWrapsAround_ExtendsAndCountsNoLoss()
    {
        var stats = new RtpReceiveStatistics();
        for (int i = 0; i < 10; i++)
        {
            stats.Update((ushort)(65530 + i), (uint)(i * 160), i * 160);
        }

        Assert.Equal(65536 + 3, stats.ExtendedHighestSequence);
        Assert.Equal(10, stats.Expected);
        Assert.Equal(0, stats.Lost);
    }

    [Fact]
    public void Update_GapOfThree_CountsThreeLost()
    {
        var stats = new RtpReceiveStatistics();
        foreach (ushort seq in new ushort[] { 100, 101, 105, 106 })
        {
            stats.Update(seq, seq * 160u, seq * 160);
        }

        Assert.Equal(7, stats.Expected);
        Assert.Equal(3, stats.Lost);
    }

    [Fact]
    public void Update_ReorderedPacket_CountedWithoutMovingMaximum()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(10, 0, 0);
        stats.Update(12, 320, 320);
        stats.Update(11, 160, 160);

        Assert.Equal(12, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.Lost);
    }

    [Fact]
    public void Update_SourceRestartsFarAway_ResyncsAfterTwoSequentialPackets()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(1000, 0, 0);

        Assert.False(stats.Update(40000, 0, 0));
        Assert.True(stats.Update(40001, 160, 160));

        Assert.Equal(40001, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.Expected);
    }

    [Fact]
    public void Update_PerfectlyPaced_JitterStaysZero()
    {
        var stats = new RtpReceiveStatistics();
        for (int i = 0; i < 50; i++)
        {
            stats.Update((ushort)i, uint.MaxValue - 1000 + (uint)(i * 160), 5000 + (i * 160));
        }

        Assert.Equal(0, stats.Jitter);
    }

    [Fact]
    public void Update_OnePacketLateBy80Units_JitterIsOneSixteenthThenDecays()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(0, 0, 0);
        stats.Update(1, 160, 160 + 80);

        Assert.Equal(5.0, stats.Jitter, 6);

        stats.Update(2, 320, 320);
        Assert.Equal(5.0 + ((80 - 5.0) / 16), stats.Jitter, 6);
    }
}
