using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// name-addr / addr-spec with header parameters (RFC 3261 §20.10, §20.20, §20.39): the shape of From,
/// To, Contact, Route and Record-Route values.
/// </summary>
internal sealed class NameAddressHeader
{
    public NameAddressHeader(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    public string? DisplayName { get; }

    public SipUri Uri { get; }

    public SipParameters Parameters { get; }

    public string? Tag => Parameters.Get("tag");

    public NameAddressHeader WithTag(string tag) => new(Uri, DisplayName, Parameters.With("tag", tag));

    public NameAddressHeader WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    public override string ToString()
    {
        var builder = new StringBuilder(96);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        }
        builder.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    public static bool TryParse(ReadOnlySpan<char> text, out NameAddressHeader header)
    {
        header = null!;
        text = text.Trim(" \t");
        if (text.IsEmpty)
        {
            return false;
        }
        string? displayName = null;
        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> rest;
        var open = SipGrammar.IndexOfUnquoted(text, '<');
        if (open >= 0)
        {
            if (!TryParseDisplayName(text[..open].Trim(" \t"), out displayName))
            {
                return false;
            }
            var close = text[open..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }
            uriText = text[(open + 1)..(open + close)];
            rest = text[(open + close + 1)..].TrimStart(" \t");
        }
        else
        {
            // RFC 3261 §20: without angle brackets, everything after the first ';' is a header parameter.
            var semicolon = text.IndexOf(';');
            uriText = semicolon < 0 ? text : text[..semicolon].TrimEnd(" \t");
            rest = semicolon < 0 ? default : text[semicolon..];
        }
        var parameters = SipParameters.Empty;
        if (!rest.IsEmpty && (rest[0] != ';' || !SipParameters.TryParse(rest[1..], out parameters)))
        {
            return false;
        }
        if (!SipUri.TryParse(uriText, out var uri))
        {
            return false;
        }
        header = new NameAddressHeader(uri, displayName, parameters);
        return true;
    }

    /// <summary>display-name = *(token LWS) / quoted-string.</summary>
    private static bool TryParseDisplayName(ReadOnlySpan<char> text, out string? displayName)
    {
        displayName = null;
        if (text.IsEmpty)
        {
            return true;
        }
        if (text[0] == '"')
        {
            if (text.Length < 2 || text[^1] != '"' || SipGrammar.IndexOfUnquoted(text[..^1], '"') >= 0)
            {
                return false;
            }
            displayName = SipGrammar.Unquote(text.ToString());
            return true;
        }
        foreach (var c in text)
        {
            if (!SipGrammar.IsTokenChar(c) && !SipGrammar.IsWhitespace(c))
            {
                return false;
            }
        }
        displayName = text.ToString();
        return true;
    }
}
