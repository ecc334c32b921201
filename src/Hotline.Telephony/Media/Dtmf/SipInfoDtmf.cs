using System.Text;

namespace Hotline.Telephony.Media.Dtmf;

/// <summary>
/// DTMF carried in SIP INFO (the legacy, pre-RFC 6086 usage most phones still send):
/// <c>application/dtmf-relay</c> with a "Signal=5" line (plus Duration=…), or <c>application/dtmf</c>
/// whose whole body is the key. Signal values 10–15 are the RFC 4733 §3.2 event codes for * # A B C D.
/// </summary>
internal static class SipInfoDtmf
{
    public const string RelayContentType = "application/dtmf-relay";

    public const string PlainContentType = "application/dtmf";

    /// <summary>A body larger than this is not a key press; it is refused before decoding.</summary>
    private const int MaxBodyLength = 512;

    /// <summary>True for the two content types this parser reads (parameters and case ignored).</summary>
    public static bool IsDtmfContentType(string? contentType) => MediaType(contentType) is RelayContentType or PlainContentType;

    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out char digit)
    {
        digit = default;
        if (body.Length > MaxBodyLength)
        {
            return false;
        }
        var type = MediaType(contentType);
        if (type is not (RelayContentType or PlainContentType))
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(body);
        if (type == PlainContentType)
        {
            return TryMapSignal(text.AsSpan().Trim(), out digit);
        }
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && line[..equals].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                return TryMapSignal(line[(equals + 1)..].Trim(), out digit);
            }
        }
        return false;
    }

    private static bool TryMapSignal(ReadOnlySpan<char> signal, out char digit)
    {
        digit = default;
        if (signal.Length == 1)
        {
            var c = char.ToUpperInvariant(signal[0]);
            if (char.IsAsciiDigit(c) || c is '*' or '#' or >= 'A' and <= 'D')
            {
                digit = c;
                return true;
            }
            return false;
        }
        if (signal.Length == 2 && signal[0] == '1' && signal[1] is >= '0' and <= '5')
        {
            digit = "*#ABCD"[signal[1] - '0'];
            return true;
        }
        return false;
    }

    /// <summary>"Application/DTMF-Relay; charset=x" → "application/dtmf-relay".</summary>
    private static string? MediaType(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
