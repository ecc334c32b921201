using System.Text;

namespace Hotline.Api.Grpc.Protocol;

/// <summary>
/// grpc-message is percent-encoded UTF-8 (PROTOCOL-HTTP2.md "Responses"): bytes outside 0x20–0x7E and
/// '%' itself become %XX. Nothing else is escaped; escaping more (as Uri.EscapeDataString does) is
/// shown verbatim by some clients.
/// </summary>
internal static class GrpcMessageEncoding
{
    public static string Encode(string message)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(message);
        var encoded = new StringBuilder(utf8.Length);
        foreach (byte b in utf8)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>Reverses <see cref="Encode"/>; a malformed escape is kept as it is, as the spec asks.</summary>
    public static string Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (int i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out byte value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
