using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// Who a packet is held to account as: an IPv4 address, or the /64 an IPv6 address lies in. One IPv6
/// host commonly owns a whole /64 (RFC 4291 §2.5.1 interface ids, RFC 8981 temporary addresses), so a
/// per-address ban or limit there is evaded by changing the low bits.
/// </summary>
internal readonly record struct SourceKey(UInt128 Bits)
{
    public static SourceKey From(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            // As the IPv4-mapped IPv6 address (::ffff:a.b.c.d), so the two families never collide.
            bytes[10] = 0xff;
            bytes[11] = 0xff;
            address.TryWriteBytes(bytes[12..], out _);
        }
        else
        {
            address.TryWriteBytes(bytes, out _);
            bytes[8..].Clear();
        }
        return new SourceKey(BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }
}
