namespace Hotline.Telephony.Sip.Syntax;

internal sealed partial class SipUri
{
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"Invalid SIP URI '{text}'.");

    /// <summary>Parses an absolute URI; no whitespace, angle brackets or quotes may appear in it.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipUri uri)
    {
        uri = null!;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]) || text.ContainsAny(" \t\r\n<>\""))
        {
            return false;
        }
        var scheme = text[..colon].ToString().ToLowerInvariant();
        var rest = text[(colon + 1)..];
        if (rest.IsEmpty)
        {
            return false;
        }
        if (scheme is not ("sip" or "sips"))
        {
            uri = new SipUri(scheme, null, null, string.Empty, null, SipParameters.Empty, null, rest.ToString());
            return true;
        }
        return TryParseSip(scheme, rest, out uri);
    }

    private static bool TryParseSip(string scheme, ReadOnlySpan<char> rest, out SipUri uri)
    {
        uri = null!;
        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordStart = userInfo.IndexOf(':');
            var userPart = passwordStart < 0 ? userInfo : userInfo[..passwordStart];
            if (userPart.IsEmpty || !HasValidEscapes(userInfo))
            {
                return false;
            }
            user = userPart.ToString();
            password = passwordStart < 0 ? null : userInfo[(passwordStart + 1)..].ToString();
            rest = rest[(at + 1)..];
        }
        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..].ToString();
            rest = rest[..question];
        }
        var semicolon = rest.IndexOf(';');
        var hostPort = semicolon < 0 ? rest : rest[..semicolon];
        var parameters = SipParameters.Empty;
        if (semicolon >= 0 && !SipParameters.TryParse(rest[(semicolon + 1)..], out parameters))
        {
            return false;
        }
        if (!TryParseHostPort(hostPort, out var host, out var port))
        {
            return false;
        }
        uri = new SipUri(scheme, user, password, host, port, parameters, headers, null);
        return true;
    }

    /// <summary>hostport = host [":" port]; host = hostname / IPv4address / IPv6reference (RFC 3261 §25.1).</summary>
    internal static bool TryParseHostPort(ReadOnlySpan<char> text, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        ReadOnlySpan<char> hostPart;
        ReadOnlySpan<char> portPart = default;
        var hasPort = false;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !System.Net.IPAddress.TryParse(text[1..close], out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }
            hostPart = text[..(close + 1)];
            var after = text[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    return false;
                }
                hasPort = true;
                portPart = after[1..];
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            hostPart = colon < 0 ? text : text[..colon];
            if (colon >= 0)
            {
                hasPort = true;
                portPart = text[(colon + 1)..];
            }
            if (!IsHostName(hostPart))
            {
                return false;
            }
        }
        if (hasPort)
        {
            if (!SipGrammar.TryParseDecimal(portPart, 65535, out var value))
            {
                return false;
            }
            port = (int)value;
        }
        host = hostPart.ToString();
        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host[0] is '.' or '-')
        {
            return false;
        }
        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasValidEscapes(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])))
            {
                return false;
            }
        }
        return true;
    }
}
