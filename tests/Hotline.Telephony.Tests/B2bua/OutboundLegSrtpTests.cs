using System.Text;
using System.Text.RegularExpressions;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Srtp;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>An outgoing leg that offers SRTP (Sip:OfferSrtp): RTP/SAVP with our key, the phone's key taken from its answer.</summary>
public sealed partial class OutboundLegSrtpTests
{
    private static readonly SrtpMasterKey PhoneKey = SrtpMasterKey.Generate();

    private static string SecureAnswer(string crypto) => OutboundLegHarness.AnswerSdp.Replace("RTP/AVP", "RTP/SAVP", StringComparison.Ordinal) + crypto;

    [Fact]
    public async Task Invite_OfferSrtp_SavpWithOneKeyAndTheAnswersKeyKept()
    {
        var h = new OutboundLegHarness(offerSrtp: true);
        var offer = Encoding.UTF8.GetString(h.Invite.Body.Span);

        var result = await h.AnswerAsync(SecureAnswer($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{PhoneKey.ToBase64()}\r\n"));

        Assert.Contains("m=audio 40000 RTP/SAVP 0 8 101\r\n", offer, StringComparison.Ordinal);
        Assert.True(SrtpMasterKey.TryParseBase64(CryptoKey().Match(offer).Groups["key"].Value, out var ours));
        Assert.Equal(OutboundLegOutcome.Answered, result.Outcome);
        Assert.True(result.Media!.Srtp!.Sending.SameAs(ours!));
        Assert.True(result.Media.Srtp.Receiving.SameAs(PhoneKey));
        h.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Answer_PlainRtpToSrtpOffer_AckThenByeRejected488WithTheReason()
    {
        var h = new OutboundLegHarness(offerSrtp: true);

        var result = await h.AnswerAsync();

        Assert.Equal(OutboundLegOutcome.Rejected, result.Outcome);
        Assert.Equal(488, result.StatusCode);
        Assert.Contains("answered RTP/AVP to our RTP/SAVP offer", result.Reason, StringComparison.Ordinal);
        Assert.Single(h.Sent("ACK"));
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("BYE").Count == 1, "BYE");
        Assert.Empty(h.Service.Legs);
    }

    [Fact]
    public async Task Answer_ForgedCryptoTag_Rejected488AndNoMedia()
    {
        var h = new OutboundLegHarness(offerSrtp: true);

        var result = await h.AnswerAsync(SecureAnswer($"a=crypto:9 AES_CM_128_HMAC_SHA1_80 inline:{PhoneKey.ToBase64()}\r\n"));

        Assert.Equal((OutboundLegOutcome.Rejected, 488), (result.Outcome, result.StatusCode));
        Assert.Contains("tag 9 was not offered", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Media);
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("BYE").Count == 1, "BYE");
    }

    [Fact]
    public async Task Hold_SrtpLeg_ReinviteOffersTheSameKey()
    {
        var h = new OutboundLegHarness(offerSrtp: true);
        var first = CryptoKey().Match(Encoding.UTF8.GetString(h.Invite.Body.Span)).Value;
        await h.AnswerAsync(SecureAnswer($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{PhoneKey.ToBase64()}\r\n"));

        var hold = h.Leg.SetHoldAsync(true);
        await OutboundLegHarness.WaitUntilAsync(() => h.Sent("INVITE").Count == 2, "the hold re-INVITE");
        var reinvite = h.Sent("INVITE")[1];
        await h.Receive(OutboundLegHarness.Respond(reinvite, 200,
            SecureAnswer($"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:{PhoneKey.ToBase64()}\r\n").Replace("a=fmtp:101 0-16\r\n", "a=fmtp:101 0-16\r\na=recvonly\r\n", StringComparison.Ordinal)));

        Assert.True(await hold.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(first, CryptoKey().Match(Encoding.UTF8.GetString(reinvite.Body.Span)).Value);
        Assert.Contains("a=sendonly", Encoding.UTF8.GetString(reinvite.Body.Span), StringComparison.Ordinal);
        Assert.True(h.Leg.Media!.Srtp!.Receiving.SameAs(PhoneKey));
        h.Logs.AssertNoErrors();
    }

    [GeneratedRegex(@"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:(?<key>[A-Za-z0-9+/=]+)")]
    private static partial Regex CryptoKey();
}
