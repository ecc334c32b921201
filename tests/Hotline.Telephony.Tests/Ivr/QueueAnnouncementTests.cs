using Hotline.Telephony.Acd;
using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class QueueAnnouncementTests
{
    [Fact]
    public void Compose_TwelveAheadWaitFourAndAHalfMinutes_DigitsAndRoundedUpMinutes()
    {
        IReadOnlyList<string> prompts = QueueAnnouncement.Compose(new QueueStatus(13, TimeSpan.FromMinutes(4.5), false));

        Assert.Equal(
            ["position-before", "digit-1", "digit-2", "position-after", "wait-before", "digit-5", "wait-minutes"],
            prompts);
    }

    [Fact]
    public void Compose_FirstInLineUnknownWait_Nothing()
    {
        Assert.Empty(QueueAnnouncement.Compose(new QueueStatus(1, null, true)));
    }
}
