using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// Decides where requests to a registered Contact are sent. RFC 3261 sends them to the Contact (a phone
/// may register from another socket than it listens on, or be registered by a third party, §10.2); the
/// REGISTER's source is right only when the phone asked for it (RFC 3581 §4 rport, RFC 5626 §4.2 outbound
/// flows) or a NAT rewrote its address, which the Contact alone cannot reach.
/// </summary>
internal static class ContactRouting
{
    public static SipDestination Choose(RouteVia mode, NameAddressHeader contact, SipRequest register, SipInbound inbound)
    {
        var source = inbound.Source;
        if (mode == RouteVia.Source || ContactEndPoint(contact.Uri) is not { } target)
        {
            return source;
        }
        if (mode == RouteVia.Auto && (AsksForFlow(contact, register) || IsBehindNat(target.EndPoint.Address, inbound.Remote.Address)))
        {
            return source;
        }
        // The Contact is where the REGISTER came from: keep its connection (RFC 5923 reuse).
        return target.Transport == inbound.Transport && target.EndPoint.Equals(inbound.Remote) ? source : target;
    }

    /// <summary>RFC 3581 rport in the top Via, or RFC 5626 §4.2: a Contact carrying reg-id asks for its flow.</summary>
    private static bool AsksForFlow(NameAddressHeader contact, SipRequest register) =>
        register.TopVia.HasRPort || contact.Parameters.Contains("reg-id");

    /// <summary>A private or unroutable Contact address reached through a public source: a NAT sits between.</summary>
    internal static bool IsBehindNat(IPAddress contact, IPAddress source)
    {
        contact = contact.IsIPv4MappedToIPv6 ? contact.MapToIPv4() : contact;
        source = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        if (contact.Equals(source))
        {
            return false;
        }
        if (contact.Equals(IPAddress.Any) || contact.Equals(IPAddress.IPv6Any))
        {
            return true; // nowhere at all
        }
        return IsLocalOnly(contact) && !IsLocalOnly(source) && !IPAddress.IsLoopback(source);
    }

    /// <summary>Addresses not routed on the Internet: RFC 1918, RFC 6598 shared space, link-local, loopback, RFC 4193 ULA.</summary>
    private static bool IsLocalOnly(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 169 && b[1] == 254);
    }

    /// <summary>The Contact as a destination when its host is an IP literal; null for a host name (no DNS here, RFC 3263).</summary>
    private static SipDestination? ContactEndPoint(SipUri uri)
    {
        if (!uri.IsSip || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return null;
        }
        var secure = string.Equals(uri.Scheme, "sips", StringComparison.Ordinal);
        var parameter = uri.Parameters.Get("transport");
        var transport = secure || string.Equals(parameter, "tls", StringComparison.OrdinalIgnoreCase)
            ? SipTransportKind.Tls
            : string.Equals(parameter, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp;
        return new SipDestination(transport, new IPEndPoint(address, uri.Port ?? (secure ? 5061 : 5060)));
    }
}
