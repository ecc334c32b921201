using System.Globalization;
using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.1): "SIP/2.0/UDP host:port;branch=…;received=…;rport=…".</summary>
internal sealed class ViaHeader
{
    /// <summary>RFC 3261 §8.1.1.7: branches of compliant elements start with this magic cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    public ViaHeader(string transport, string host, int? port, SipParameters parameters)
    {
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    public string Transport { get; }

    public string Host { get; }

    public int? Port { get; }

    public SipParameters Parameters { get; }

    public string? Branch => Parameters.Get("branch");

    public string? Received => Parameters.Get("received");

    /// <summary>RFC 3581 §4: the rport parameter is present (with or without a value).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>"host[:port]", the sent-by used in transaction matching (§17.2.3).</summary>
    public string SentBy => Port is { } port ? Host + ":" + port.ToString(CultureInfo.InvariantCulture) : Host;

    public ViaHeader WithParameter(string name, string? value) => new(Transport, Host, Port, Parameters.With(name, value));

    public override string ToString()
    {
        var builder = new StringBuilder(64).Append("SIP/2.0/").Append(Transport).Append(' ').Append(SentBy);
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>via-parm = sent-protocol LWS sent-by *( SEMI via-params ); SLASH and COLON allow whitespace around them.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ViaHeader via)
    {
        via = null!;
        text = text.Trim(" \t");
        if (!TryTakeSlashPart(ref text, out var protocol) || !protocol.Equals("SIP", StringComparison.OrdinalIgnoreCase)
            || !TryTakeSlashPart(ref text, out var version) || !version.SequenceEqual("2.0"))
        {
            return false;
        }
        text = text.TrimStart(" \t");
        var transportEnd = text.IndexOfAny(" \t");
        if (transportEnd <= 0 || !SipGrammar.IsToken(text[..transportEnd]))
        {
            return false;
        }
        var transport = text[..transportEnd].ToString();
        text = text[transportEnd..].TrimStart(" \t");
        var semicolon = SipGrammar.IndexOfUnquoted(text, ';');
        var sentBy = RemoveWhitespace(semicolon < 0 ? text : text[..semicolon]);
        var parameters = SipParameters.Empty;
        if (!SipUri.TryParseHostPort(sentBy, out var host, out var port)
            || (semicolon >= 0 && !SipParameters.TryParse(text[(semicolon + 1)..], out parameters)))
        {
            return false;
        }
        via = new ViaHeader(transport, host, port, parameters);
        return true;
    }

    private static bool TryTakeSlashPart(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> part)
    {
        var slash = text.IndexOf('/');
        part = slash < 0 ? default : text[..slash].Trim(" \t");
        text = slash < 0 ? default : text[(slash + 1)..];
        return slash > 0;
    }

    private static string RemoveWhitespace(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim(" \t");
        return trimmed.ContainsAny(" \t") ? trimmed.ToString().Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal) : trimmed.ToString();
    }
}
