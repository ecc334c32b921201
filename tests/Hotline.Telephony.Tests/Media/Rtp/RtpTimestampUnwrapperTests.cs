using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Tests.Media.Rtp;

public sealed class RtpTimestampUnwrapperTests
{
    [Fact]
    public void Unwrap_AcrossWrap_KeepsCounting()
    {
        var unwrapper = new RtpTimestampUnwrapper();

        Assert.Equal(0, unwrapper.Unwrap(uint.MaxValue - 159));
        Assert.Equal(160, unwrapper.Unwrap(0));
        Assert.Equal(320, unwrapper.Unwrap(160));
    }

    [Fact]
    public void Unwrap_LatePacket_ComesOutEarlierWithoutMovingTimeline()
    {
        var unwrapper = new RtpTimestampUnwrapper();
        unwrapper.Unwrap(1000);
        unwrapper.Unwrap(1320);

        Assert.Equal(160, unwrapper.Unwrap(1160));
        Assert.Equal(480, unwrapper.Unwrap(1480));
    }
}
