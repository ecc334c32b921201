using Hotline.Telephony.Media.Srtp;
using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.Tests.Sdp;

/// <summary>SDES (RFC 4568) when we offer: RTP/SAVP with our key, and the answer must bring exactly one usable key under our tag.</summary>
public sealed class SdpSrtpOfferTests
{
    private static readonly SrtpMasterKey Ours = SrtpMasterKey.Generate();
    private static readonly SrtpMasterKey Theirs = SrtpMasterKey.Generate();
    private static readonly SdpLocalMedia Secure = new() { Address = "127.0.0.1", Port = 20000, SessionId = "42", SessionVersion = 1, SrtpKey = Ours };

    private static SessionDescription Answer(string protocol, string crypto)
    {
        var text = $"v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 30000 {protocol} 0 101\r\na=rtpmap:101 telephone-event/8000\r\n{crypto}";
        Assert.True(SdpParser.TryParse(text, out SessionDescription? sdp, out SdpParseFailure? failure), failure?.ToString());
        return sdp;
    }

    [Fact]
    public void CreateOffer_WithKey_SavpWithOurKeyUnderTagOne()
    {
        var text = SdpWriter.Write(SdpOfferAnswer.CreateOffer(Secure));

        Assert.Contains("m=audio 20000 RTP/SAVP 0 8 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Ours.ToBase64()}\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateOffer_WithoutKey_PlainAvpWithoutCrypto()
    {
        var text = SdpWriter.Write(SdpOfferAnswer.CreateOffer(Secure with { SrtpKey = null }));

        Assert.Contains("m=audio 20000 RTP/AVP 0 8 101\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a=crypto", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAcceptAnswer_SavpWithTheirKeyUnderOurTag_KeysForBothDirections()
    {
        var offer = SdpOfferAnswer.CreateOffer(Secure);

        Assert.True(SdpOfferAnswer.TryAcceptAnswer(offer, Answer("RTP/SAVP", $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Theirs.ToBase64()}|2^31\r\n"), out var negotiation, out _));

        Assert.True(negotiation.Srtp!.Sending.SameAs(Ours));
        Assert.True(negotiation.Srtp.Receiving.SameAs(Theirs));
        Assert.Equal(0, negotiation.Codec.PayloadType);
    }

    [Theory]
    [InlineData("RTP/AVP", "", "answered RTP/AVP to our RTP/SAVP offer")]
    [InlineData("RTP/AVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}\r\n", "answered RTP/AVP to our RTP/SAVP offer")]
    [InlineData("RTP/SAVP", "", "exactly one a=crypto (RFC 4568 §7.1.2), it has 0")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}\r\n", "it has 2")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:{0}\r\n", "is not AES_CM_128_HMAC_SHA1_80")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{0}|2^20|1:4\r\n", "no MKI")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=\r\n", "30-byte key")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:!!!not base64!!!\r\n", "30-byte key")]
    [InlineData("RTP/SAVP", "a=crypto:1 AES_CM_128_HMAC_SHA1_80\r\n", "is not AES_CM_128_HMAC_SHA1_80")]
    [InlineData("RTP/SAVP", "a=crypto\r\n", "is not AES_CM_128_HMAC_SHA1_80")]
    [InlineData("RTP/SAVP", "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:{0}\r\n", "tag 2 was not offered (we offered 1)")]
    public void TryAcceptAnswer_NoUsableCrypto_RejectedWithThePreciseReasonAndNoKeyQuoted(string protocol, string crypto, string reason)
    {
        var offer = SdpOfferAnswer.CreateOffer(Secure);
        var answer = Answer(protocol, string.Format(System.Globalization.CultureInfo.InvariantCulture, crypto, Theirs.ToBase64()));

        Assert.False(SdpOfferAnswer.TryAcceptAnswer(offer, answer, out var negotiation, out var rejection));

        Assert.Null(negotiation);
        Assert.Equal(SdpRejectionReason.NoUsableCrypto, rejection.Reason);
        Assert.Contains(reason, rejection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Theirs.ToBase64(), rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAcceptAnswer_AnswerEchoesOurKey_Rejected()
    {
        var offer = SdpOfferAnswer.CreateOffer(Secure);

        Assert.False(SdpOfferAnswer.TryAcceptAnswer(offer, Answer("RTP/SAVP", $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Ours.ToBase64()}\r\n"), out _, out var rejection));

        Assert.Contains("repeats our own key", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAcceptAnswer_SavpAnswerToPlainOffer_Mismatch()
    {
        var offer = SdpOfferAnswer.CreateOffer(Secure with { SrtpKey = null });

        Assert.False(SdpOfferAnswer.TryAcceptAnswer(offer, Answer("RTP/SAVP", $"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{Theirs.ToBase64()}\r\n"), out _, out var rejection));

        Assert.Equal(SdpRejectionReason.AnswerMismatch, rejection.Reason);
    }

    [Fact]
    public void TryAcceptAnswer_PlainAnswerToPlainOffer_NoKeys()
    {
        var offer = SdpOfferAnswer.CreateOffer(Secure with { SrtpKey = null });

        Assert.True(SdpOfferAnswer.TryAcceptAnswer(offer, Answer("RTP/AVP", ""), out var negotiation, out _));

        Assert.Null(negotiation.Srtp);
    }
}
