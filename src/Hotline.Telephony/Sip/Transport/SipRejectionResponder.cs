using System.Buffers;
using System.Text;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// Answers a request the parser rejected. The strict parser refused it, so this reads the raw header
/// lines leniently and echoes Via/From/To/Call-ID/CSeq as §8.2.6.2 asks; when any is missing, or the
/// message is a response or an ACK (§17.2.1: never answered), there is no one to answer and it is dropped.
/// </summary>
internal static class SipRejectionResponder
{
    private static readonly string[] Echoed =
        [SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq];

    public static byte[]? TryBuild(ReadOnlySequence<byte> input, SipParseError error, int maxLength)
    {
        var length = Math.Min(input.Length, maxLength);
        var text = Encoding.UTF8.GetString(input.Slice(0, length).ToArray());
        var blank = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = (blank >= 0 ? text[..blank] : text).Split('\n');
        var startLine = lines[0].TrimEnd('\r');
        if (startLine.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) || startLine.StartsWith("ACK ", StringComparison.Ordinal))
        {
            return null;
        }
        var found = Collect(lines);
        if (Echoed.Any(name => !found.ContainsKey(name)))
        {
            return null;
        }
        var builder = new StringBuilder(512);
        builder.Append("SIP/2.0 ").Append(error.StatusCode).Append(' ').Append(SipStatus.ReasonPhrase(error.StatusCode)).Append("\r\n");
        foreach (var name in Echoed)
        {
            foreach (var value in found[name])
            {
                var echoed = name == SipHeaderNames.To && !value.Contains("tag=", StringComparison.OrdinalIgnoreCase)
                    ? value + ";tag=" + SipIdentifiers.NewTag()
                    : value;
                builder.Append(name).Append(": ").Append(echoed).Append("\r\n");
                if (name != SipHeaderNames.Via)
                {
                    break;
                }
            }
        }
        // RFC 3261 §20.43: a 399 warning carries the parser's reason for whoever debugs the peer.
        builder.Append("Warning: 399 hotline \"").Append(error.Detail.Replace('"', '\'')).Append("\"\r\n");
        builder.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static Dictionary<string, List<string>> Collect(string[] lines)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0]) || line.AsSpan().ContainsAny('\r', '\0'))
            {
                continue;
            }
            var name = SipHeaderNames.Normalize(line.AsSpan(0, colon).Trim());
            if (Array.IndexOf(Echoed, name) >= 0)
            {
                if (!found.TryGetValue(name, out var values))
                {
                    found[name] = values = [];
                }
                values.Add(line[(colon + 1)..].Trim());
            }
        }
        return found;
    }
}
