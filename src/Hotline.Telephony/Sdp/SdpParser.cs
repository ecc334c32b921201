using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hotline.Telephony.Sdp;

/// <summary>
/// Parses SDP (RFC 8866 §5, §9 grammar) for the fields a voice B2BUA uses. Lines are &lt;type&gt;=&lt;value&gt;
/// separated by CRLF (a bare LF is accepted, §5). Types we do not use (i, u, e, p, b, z, k, r) and
/// unknown attributes are kept or skipped, never an error; malformed lines we need are.
/// </summary>
public static class SdpParser
{
    /// <summary>Bodies larger than this are refused before parsing; a two-codec offer is a few hundred bytes.</summary>
    public const int MaxLength = 16 * 1024;

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out SessionDescription? description,
        [NotNullWhen(false)] out SdpParseFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(text);
        description = null;
        if (text.Length > MaxLength)
        {
            failure = new SdpParseFailure(SdpParseError.TooLarge, 0);
            return false;
        }

        var builder = new SdpBuilder();
        int lineNumber = 0;
        foreach (ReadOnlySpan<char> raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            ReadOnlySpan<char> line = raw.TrimEnd('\r');
            if (line.IsEmpty)
            {
                continue;
            }

            SdpParseError error = line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0])
                ? SdpParseError.MalformedLine
                : builder.Accept(line[0], line[2..].ToString());
            if (error != SdpParseError.None)
            {
                failure = new SdpParseFailure(error, lineNumber);
                return false;
            }
        }

        SdpParseError final = builder.TryBuild(out description);
        failure = final == SdpParseError.None ? null : new SdpParseFailure(final, 0);
        return failure is null;
    }

    internal static bool TryParseInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
