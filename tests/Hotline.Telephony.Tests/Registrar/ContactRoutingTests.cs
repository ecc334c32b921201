using System.Net;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Registrar;

public sealed class ContactRoutingTests
{
    private static readonly IPEndPoint Source = IPEndPoint.Parse("192.0.2.9:40000");

    [Theory]
    [InlineData(RouteVia.Auto, "<sip:1001@192.0.2.20:5070>", "", "udp 192.0.2.20:5070")] // third-party / other socket: the Contact
    [InlineData(RouteVia.Auto, "<sip:1001@192.0.2.20:5070>", ";rport", "source")] // RFC 3581 asked for the flow
    [InlineData(RouteVia.Auto, "<sip:1001@192.0.2.20:5070>;reg-id=1;+sip.instance=\"<urn:uuid:1>\"", "", "source")] // RFC 5626 outbound
    [InlineData(RouteVia.Auto, "<sip:1001@198.51.100.7>", "", "udp 198.51.100.7:5060")] // no port: 5060
    [InlineData(RouteVia.Auto, "<sips:1001@198.51.100.7>", "", "tls 198.51.100.7:5061")]
    [InlineData(RouteVia.Auto, "<sip:1001@198.51.100.7:5071;transport=tls>", "", "tls 198.51.100.7:5071")]
    [InlineData(RouteVia.Auto, "<sip:1001@198.51.100.7:5080;transport=tcp>", "", "tcp 198.51.100.7:5080")]
    [InlineData(RouteVia.Auto, "<sip:1001@phone.example:5070>", "", "source")] // a host name: no DNS here
    [InlineData(RouteVia.Auto, "<sip:1001@0.0.0.0:5070>", "", "source")] // nowhere
    [InlineData(RouteVia.Contact, "<sip:1001@192.0.2.20:5070>", ";rport", "udp 192.0.2.20:5070")]
    [InlineData(RouteVia.Source, "<sip:1001@192.0.2.20:5070>", "", "source")]
    public void Choose_FromPublicSource_AsRfc3261AndSettingSay(RouteVia mode, string contact, string viaSuffix, string expected)
    {
        var destination = Choose(mode, contact, viaSuffix, SipTransportKind.Udp, Source);

        Assert.Equal(expected, Describe(destination));
    }

    [Theory]
    [InlineData("192.168.1.10:5060", "203.0.113.5:30000", true)] // RFC 1918 behind a public address
    [InlineData("100.64.3.4:5060", "203.0.113.5:30000", true)] // RFC 6598 carrier-grade NAT
    [InlineData("[fd00::1]:5060", "[2001:db8::5]:30000", true)] // RFC 4193 ULA behind a public IPv6 address
    [InlineData("127.0.0.1:5070", "203.0.113.5:30000", true)] // a loopback Contact from elsewhere
    [InlineData("10.1.2.3:5060", "10.0.0.9:30000", false)] // both on the site's network: reachable from here
    [InlineData("10.1.2.3:5060", "127.0.0.1:30000", false)] // a local provisioning system
    [InlineData("198.51.100.7:5060", "203.0.113.5:30000", false)] // a public Contact
    public void Choose_Auto_NatDetectedOnlyForPrivateContactBehindPublicSource(string contact, string source, bool nat)
    {
        var from = IPEndPoint.Parse(source);
        var to = IPEndPoint.Parse(contact);

        var destination = Choose(RouteVia.Auto, $"<sip:1001@{(to.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{to.Address}]" : to.Address)}:{to.Port}>", "", SipTransportKind.Udp, from);

        Assert.Equal(nat ? from : to, destination.EndPoint);
    }

    [Fact]
    public void Choose_TcpContactIsTheConnectionsSource_KeepsTheConnection()
    {
        var destination = Choose(RouteVia.Contact, $"<sip:1001@{Source};transport=tcp>", "", SipTransportKind.Tcp, Source, connectionId: 7);

        Assert.Equal((SipTransportKind.Tcp, Source, (long?)7), (destination.Transport, destination.EndPoint, destination.ConnectionId));
    }

    private static SipDestination Choose(RouteVia mode, string contact, string viaSuffix, SipTransportKind transport, IPEndPoint source, long? connectionId = null)
    {
        var request = (SipRequest)SipText.ParseDatagram($"""
            REGISTER sip:hotline.example SIP/2.0
            Via: SIP/2.0/{(transport == SipTransportKind.Tcp ? "TCP" : "UDP")} 192.0.2.20:5062;branch=z9hG4bKx{viaSuffix}
            Max-Forwards: 70
            To: <sip:1001@hotline.example>
            From: <sip:1001@hotline.example>;tag=a
            Call-ID: reg-1
            CSeq: 1 REGISTER
            Contact: {contact}
            Content-Length: 0


            """);
        Assert.True(NameAddressHeader.TryParse(request.Headers[SipHeaderNames.Contact]!, out var header));
        var inbound = new SipInbound(request, transport, source, connectionId, new SipDestination(transport, source, connectionId));
        return ContactRouting.Choose(mode, header, request, inbound);
    }

    private static string Describe(SipDestination destination) => destination.EndPoint.Equals(Source)
        ? "source"
        : $"{destination.Transport.ToString().ToLowerInvariant()} {destination.EndPoint}";
}
