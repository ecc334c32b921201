namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// Reads the start line (Request-Line or Status-Line, RFC 3261 §7.1/§7.2) and builds the message from it
/// and the parsed headers and body.
/// </summary>
internal static class SipStartLineParser
{
    public static bool TryBuild(string startLine, SipHeaderCollection headers, ReadOnlyMemory<byte> body, out SipMessage? message, out SipParseError? error)
    {
        message = null;
        var parts = startLine.Split(' ', 3);
        if (parts.Length == 3 && parts[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return TryBuildResponse(parts, headers, body, out message, out error);
        }
        if (parts.Length == 2 && parts[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            // "SIP/2.0 200" with no reason phrase at all: lenient, RFC 4475 §3.1.1.13 sends "SIP/2.0 100 ".
            return TryBuildResponse([parts[0], parts[1], string.Empty], headers, body, out message, out error);
        }
        if (parts.Length != 3 || !SipGrammar.IsToken(parts[0]) || parts[1].Length == 0 || parts[2].Contains(' ', StringComparison.Ordinal))
        {
            // RFC 4475 §3.1.2.7/§3.1.2.9/§3.1.2.10: extra or missing SP in the Request-Line is malformed.
            error = new SipParseError(SipParseFailure.MalformedStartLine, "Request-Line is not 'Method SP Request-URI SP SIP-Version'.");
            return false;
        }
        if (!CheckVersion(parts[2], out error))
        {
            return false;
        }
        if (!SipUri.TryParse(parts[1], out var uri))
        {
            error = new SipParseError(SipParseFailure.MalformedStartLine, "Request-URI is malformed.");
            return false;
        }
        var ok = SipRequest.TryCreate(parts[0], uri, headers, body, out var request, out error);
        message = request;
        return ok;
    }

    private static bool TryBuildResponse(string[] parts, SipHeaderCollection headers, ReadOnlyMemory<byte> body, out SipMessage? message, out SipParseError? error)
    {
        message = null;
        if (!CheckVersion(parts[0], out error))
        {
            return false;
        }
        if (parts[1].Length != 3 || !SipGrammar.TryParseDecimal(parts[1], 699, out var code) || code < 100)
        {
            error = new SipParseError(SipParseFailure.MalformedStartLine, "Status code is not 100-699.");
            return false;
        }
        var ok = SipResponse.TryCreate((int)code, parts[2], headers, body, out var response, out error);
        message = response;
        return ok;
    }

    /// <summary>
    /// RFC 3261 §7.1, §25.1: SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT, case-insensitive; another
    /// well-formed version is answered 505 (RFC 4475 §3.1.2.16). A truncated one ("SI", "SIP/2.") is 400.
    /// </summary>
    private static bool CheckVersion(string version, out SipParseError? error)
    {
        error = null;
        if (string.Equals(version, "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var wellFormed = false;
        if (version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            var numbers = version.AsSpan("SIP/".Length);
            var dot = numbers.IndexOf('.');
            wellFormed = dot > 0
                && SipGrammar.TryParseDecimal(numbers[..dot], int.MaxValue, out _)
                && SipGrammar.TryParseDecimal(numbers[(dot + 1)..], int.MaxValue, out _);
        }
        error = wellFormed
            ? new SipParseError(SipParseFailure.UnsupportedVersion, $"{version} is not supported.")
            : new SipParseError(SipParseFailure.MalformedStartLine, "SIP-Version is malformed.");
        return false;
    }
}
