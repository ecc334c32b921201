using System.Net;
using Hotline.Telephony.Media.Sdp;

namespace Hotline.Telephony.Tests.Media.Sdp;

public sealed class SdpAnswererTests
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
        + "m=audio 40000 RTP/AVP 18 0 8 101\r\na=rtpmap:18 G729/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"
        + "m=video 40002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";

    [Fact]
    public void TryParse_AudioAndVideo_ReadsAudioInOfferOrder()
    {
        Assert.True(SdpOffer.TryParse(Offer, out var offer));

        Assert.Equal(IPAddress.Parse("192.0.2.9"), offer.Address);
        Assert.Equal(40000, offer.AudioPort);
        Assert.Equal([18, 0, 8, 101], offer.AudioPayloads.Select(p => p.Type));
        Assert.Equal("PCMU", offer.AudioPayloads[1].Encoding);
        Assert.Equal(["video 0 RTP/AVP 96"], offer.DeclinedMedia);
    }

    [Fact]
    public void Answer_G729First_PicksFirstG711AndKeepsEventsDeclinesVideo()
    {
        SdpOffer.TryParse(Offer, out var offer);
        var codec = SdpAnswerer.ChooseCodec(offer)!;

        var answer = SdpAnswerer.Answer(offer, codec, SdpAnswerer.ChooseTelephoneEvent(offer), IPAddress.Parse("127.0.0.1"), 20000, 7);

        Assert.Equal("PCMU", codec.Encoding);
        Assert.Contains("m=audio 20000 RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("m=video 0 RTP/AVP 96\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseCodec_NoG711_Null()
    {
        SdpOffer.TryParse("v=0\r\nc=IN IP4 192.0.2.9\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n", out var offer);

        Assert.Null(SdpAnswerer.ChooseCodec(offer));
    }

    [Theory]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\nc=IN IP4 192.0.2.9\r\nm=audio port RTP/AVP 0\r\n")]
    [InlineData("garbage")]
    public void TryParse_NoConnectionOrBadPort_False(string text)
    {
        Assert.False(SdpOffer.TryParse(text, out _));
    }
}
