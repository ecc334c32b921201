using System.Buffers;
using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// Decodes a header section the framer has already bounded: the start line as text, then the header
/// lines split into name and value, with folded lines joined.
/// </summary>
internal static class SipHeaderSectionParser
{
    /// <summary>Decodes a framed header section: the start line, then header lines unfolded (RFC 3261 §7.3.1).</summary>
    public static bool TryParse(ReadOnlySequence<byte> section, out string startLine, out SipHeaderCollection headers, out SipParseError? error)
    {
        headers = SipHeaderCollection.Empty;
        error = null;
        var text = Decode(section).AsSpan();
        var lines = new List<SipHeader>(16);
        var lineEnd = text.IndexOf('\n');
        startLine = TrimCr(text[..lineEnd]).ToString();
        text = text[(lineEnd + 1)..];
        string? name = null;
        string? value = null;
        while (!text.IsEmpty)
        {
            lineEnd = text.IndexOf('\n');
            var line = TrimCr(text[..lineEnd]);
            text = text[(lineEnd + 1)..];
            if (line.IsEmpty)
            {
                break;
            }
            if (line.ContainsAny('\r', '\0'))
            {
                error = Malformed("Header line holds a bare CR or NUL.");
                return false;
            }
            if (SipGrammar.IsWhitespace(line[0]))
            {
                // Folded continuation: LWS = [*WSP CRLF] 1*WSP, equivalent to one SP.
                if (name is null)
                {
                    error = Malformed("Continuation line before any header.");
                    return false;
                }
                value = value!.Length == 0 ? line.Trim(" \t").ToString() : value + " " + line.Trim(" \t").ToString();
                continue;
            }
            if (name is not null)
            {
                lines.Add(new SipHeader(name, value!));
            }
            if (!TrySplitHeaderLine(line, out name, out value))
            {
                error = Malformed("Header line is not 'name: value'.");
                return false;
            }
        }
        if (name is not null)
        {
            lines.Add(new SipHeader(name, value!));
        }
        headers = new SipHeaderCollection(lines);
        return true;
    }

    private static bool TrySplitHeaderLine(ReadOnlySpan<char> line, out string? name, out string? value)
    {
        name = null;
        value = null;
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var rawName = line[..colon].TrimEnd(" \t");
        if (!SipGrammar.IsToken(rawName))
        {
            return false;
        }
        name = SipHeaderNames.Normalize(rawName);
        value = line[(colon + 1)..].Trim(" \t").ToString();
        return true;
    }

    private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> line) => line.EndsWith('\r') ? line[..^1] : line;

    private static SipParseError Malformed(string detail) => new(SipParseFailure.MalformedHeader, detail);

    private static string Decode(ReadOnlySequence<byte> bytes) =>
        bytes.IsSingleSegment ? Encoding.UTF8.GetString(bytes.FirstSpan) : Encoding.UTF8.GetString(bytes.ToArray());
}
