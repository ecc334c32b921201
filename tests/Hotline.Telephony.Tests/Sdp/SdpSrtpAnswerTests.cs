using Hotline.Telephony.Media.Srtp;
using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.Tests.Sdp;

/// <summary>SDES (RFC 4568) in offer/answer: an SRTP offer is answered with our key under the offer's tag, or refused 488.</summary>
public sealed class SdpSrtpAnswerTests
{
    private static readonly SrtpMasterKey Ours = SrtpMasterKey.Generate();
    private static readonly SrtpMasterKey Theirs = SrtpMasterKey.Generate();
    private static readonly SdpLocalMedia Local = new() { Address = "127.0.0.1", Port = 20000, SessionId = "42", SessionVersion = 1, SrtpKey = Ours };

    private static SessionDescription Offer(string protocol, string crypto)
    {
        var text = $"v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 30000 {protocol} 0\r\n{crypto}";
        Assert.True(SdpParser.TryParse(text, out SessionDescription? sdp, out SdpParseFailure? failure), failure?.ToString());
        return sdp;
    }

    [Fact]
    public void TryAnswer_SavpWithThe80SuiteSecond_AnsweredSavpWithOurKeyUnderItsTag()
    {
        var offer = Offer("RTP/SAVP",
            $"a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:{Theirs.ToBase64()}\r\na=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:{Theirs.ToBase64()}|2^20\r\n");

        Assert.True(SdpOfferAnswer.TryAnswer(offer, Local, out var negotiation, out _));

        var answered = Assert.Single(negotiation.Local.Media);
        Assert.Equal("RTP/SAVP", answered.Protocol);
        var crypto = Assert.Single(answered.OtherAttributes);
        Assert.Equal(("crypto", $"2 AES_CM_128_HMAC_SHA1_80 inline:{Ours.ToBase64()}"), (crypto.Name, crypto.Value));
        Assert.True(negotiation.Srtp!.Sending.SameAs(Ours));
        Assert.True(negotiation.Srtp.Receiving.SameAs(Theirs));
        Assert.Contains($"a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:{Ours.ToBase64()}\r\n", SdpWriter.Write(negotiation.Local), StringComparison.Ordinal);
    }

    [Fact]
    public void TryAnswer_AvpWithCrypto_BestEffortSrtpAnsweredInKind()
    {
        var offer = Offer("RTP/AVP", $"a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:{Theirs.ToBase64()}\r\n");

        Assert.True(SdpOfferAnswer.TryAnswer(offer, Local, out var negotiation, out _));

        Assert.Equal("RTP/AVP", negotiation.Local.Media[0].Protocol);
        Assert.NotNull(negotiation.Srtp);
    }

    [Fact]
    public void TryAnswer_PlainOffer_PlainAnswer()
    {
        Assert.True(SdpOfferAnswer.TryAnswer(Offer("RTP/AVP", ""), Local, out var negotiation, out _));

        Assert.Null(negotiation.Srtp);
        Assert.Empty(negotiation.Local.Media[0].OtherAttributes);
    }

    [Theory]
    [InlineData("")] // no keys at all
    [InlineData("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:{0}\r\n")] // only a suite we do not speak
    [InlineData("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}|2^20|1:4\r\n")] // an MKI
    [InlineData("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAA\r\n")] // a key of the wrong length
    [InlineData("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0};inline:{0}\r\n")] // two keys
    [InlineData("a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:{0}\r\n")] // a tag past 9 digits
    public void TryAnswer_SavpWithoutUsableCrypto_Refused488(string crypto)
    {
        var offer = Offer("RTP/SAVP", string.Format(System.Globalization.CultureInfo.InvariantCulture, crypto, Theirs.ToBase64()));

        Assert.False(SdpOfferAnswer.TryAnswer(offer, Local, out _, out var rejection));

        Assert.Equal((SdpRejectionReason.NoUsableCrypto, 488), (rejection.Reason, rejection.SipStatusCode));
    }

    [Fact]
    public void TryAnswer_SavpButNoKeyOfOurs_Refused488()
    {
        var offer = Offer("RTP/SAVP", $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Theirs.ToBase64()}\r\n");

        Assert.False(SdpOfferAnswer.TryAnswer(offer, Local with { SrtpKey = null }, out _, out var rejection));

        Assert.Equal(SdpRejectionReason.NoUsableCrypto, rejection.Reason);
    }
}
