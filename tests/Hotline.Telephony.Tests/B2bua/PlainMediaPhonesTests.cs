using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>
/// A phone on TLS that is set up for plain RTP refuses the SRTP offer Sip:OfferSrtp=tls makes: the next ring offers
/// plain RTP instead of failing forever, and a phone later set to demand SRTP gets SRTP again.
/// </summary>
public sealed class PlainMediaPhonesTests
{
    private static readonly SipUri Phone = SipUri.Parse("sip:1001@127.0.0.1:5061;transport=tls");
    private static readonly SipUri OtherPhone = SipUri.Parse("sip:1002@127.0.0.1:5061;transport=tls");
    private static readonly OutboundLegResult NotAcceptable = new(OutboundLegOutcome.Rejected, 488, "Not Acceptable Here", null);

    [Fact]
    public void SrtpOfferRefusedWith488_NextRingToThatPhoneOnlyIsPlain()
    {
        var phones = new PlainMediaPhones();

        phones.Observe(Phone, offeredSrtp: true, NotAcceptable);

        Assert.False(phones.OffersSrtp(true, Phone));
        Assert.True(phones.OffersSrtp(true, OtherPhone));
    }

    [Fact]
    public void PlainOfferRefusedWith488_SrtpOfferedAgain()
    {
        var phones = new PlainMediaPhones();
        phones.Observe(Phone, offeredSrtp: true, NotAcceptable);

        phones.Observe(Phone, offeredSrtp: false, NotAcceptable);

        Assert.True(phones.OffersSrtp(true, Phone));
    }

    [Theory]
    [InlineData((int)OutboundLegOutcome.Rejected, 486)]
    [InlineData((int)OutboundLegOutcome.Rejected, 603)]
    [InlineData((int)OutboundLegOutcome.Unreachable, 408)]
    [InlineData((int)OutboundLegOutcome.Timeout, 487)]
    [InlineData((int)OutboundLegOutcome.Cancelled, 487)]
    public void OtherEndsOfARing_SayNothingAboutMedia(int outcome, int status)
    {
        var phones = new PlainMediaPhones();

        phones.Observe(Phone, offeredSrtp: true, new OutboundLegResult((OutboundLegOutcome)outcome, status, "x", null));

        Assert.True(phones.OffersSrtp(true, Phone));
    }

    [Fact]
    public void PolicyThatOffersNoSrtp_IsNeverOverruled()
    {
        var phones = new PlainMediaPhones();

        Assert.False(phones.OffersSrtp(false, Phone));
    }
}
