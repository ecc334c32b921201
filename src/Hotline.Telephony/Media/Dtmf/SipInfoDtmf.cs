using System.Text;

namespace Hotline.Telephony.Media.Dtmf;

/// <summary>
/// Reads a key from a SIP INFO body (RFC 6086 carries no DTMF package of its own; trunks use the de-facto
/// "application/dtmf-relay" form "Signal=5\r\nDuration=160" or "application/dtmf" with the bare key).
/// </summary>
public static class SipInfoDtmf
{
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out char digit)
    {
        digit = default;
        if (contentType is null || body.Length > 256)
        {
            return false;
        }
        var type = contentType.Split(';')[0].Trim();
        var text = Encoding.ASCII.GetString(body);
        if (type.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase))
        {
            return TryKey(text.Trim(), out digit);
        }
        if (!type.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf('=', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                return TryKey(line[(colon + 1)..].Trim(), out digit);
            }
        }
        return false;
    }

    private static bool TryKey(string value, out char digit)
    {
        digit = value switch
        {
            "10" => '*',
            "11" => '#',
            { Length: 1 } when value[0] is (>= '0' and <= '9') or '*' or '#' => value[0],
            { Length: 1 } when char.ToUpperInvariant(value[0]) is >= 'A' and <= 'D' => char.ToUpperInvariant(value[0]),
            _ => default,
        };
        return digit != default;
    }
}
