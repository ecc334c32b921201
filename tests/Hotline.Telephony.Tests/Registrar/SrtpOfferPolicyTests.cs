using System.Net;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Tests.Registrar;

/// <summary>Sip:OfferSrtp: SDES keys go only where the INVITE carrying them is encrypted, unless told otherwise.</summary>
public sealed class SrtpOfferPolicyTests
{
    private static AgentContact Contact(bool registeredOverTls, SipTransportKind reachedOver) =>
        new("sip:1001@192.0.2.7:5061", DateTimeOffset.UnixEpoch, new SipDestination(reachedOver, new IPEndPoint(IPAddress.Loopback, 5061)), registeredOverTls);

    [Theory]
    [InlineData(SrtpOfferMode.Tls, true, SipTransportKind.Tls, true)]
    [InlineData(SrtpOfferMode.Tls, true, SipTransportKind.Udp, false)] // registered over TLS, but its Contact says UDP
    [InlineData(SrtpOfferMode.Tls, false, SipTransportKind.Tls, false)] // a TLS Contact registered over plain TCP/UDP
    [InlineData(SrtpOfferMode.Tls, false, SipTransportKind.Udp, false)]
    [InlineData(SrtpOfferMode.Never, true, SipTransportKind.Tls, false)]
    [InlineData(SrtpOfferMode.Always, false, SipTransportKind.Udp, true)]
    public void Offers_ModeAndTransport_OnlyOverTlsByDefault(SrtpOfferMode mode, bool registeredOverTls, SipTransportKind reachedOver, bool expected)
    {
        Assert.Equal(expected, SrtpOfferPolicy.Offers(mode, Contact(registeredOverTls, reachedOver)));
    }

    [Fact]
    public void Default_IsTls()
    {
        Assert.Equal(SrtpOfferMode.Tls, new SipOptions().OfferSrtp);
    }
}
