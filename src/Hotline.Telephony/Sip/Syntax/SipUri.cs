using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): sip:user:password@host:port;params?headers. Other absolute URIs
/// (tel:, or a scheme nobody knows, RFC 4475 §3.1.1.6) are kept opaque so a request can still be
/// parsed and answered 416.
/// </summary>
internal sealed partial class SipUri : IEquatable<SipUri>
{
    private SipUri(string scheme, string? user, string? password, string host, int? port, SipParameters parameters, string? headers, string? opaque)
    {
        Scheme = scheme;
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters;
        Headers = headers;
        Opaque = opaque;
    }

    /// <summary>Lower-case scheme: "sip", "sips", "tel", …</summary>
    public string Scheme { get; }

    /// <summary>True for sip: and sips:, whose parts below are parsed.</summary>
    public bool IsSip => Opaque is null;

    /// <summary>The user part as written (still %-escaped), or null.</summary>
    public string? User { get; }

    public string? Password { get; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference; empty for opaque URIs.</summary>
    public string Host { get; }

    public int? Port { get; }

    public SipParameters Parameters { get; }

    /// <summary>The text after '?', or null.</summary>
    public string? Headers { get; }

    /// <summary>Everything after "scheme:" for a non-SIP URI; null for SIP URIs.</summary>
    public string? Opaque { get; }

    /// <summary>The user part with %-escapes decoded (RFC 3261 §19.1.4 compares users unescaped).</summary>
    public string? UnescapedUser => User is null ? null : Uri.UnescapeDataString(User);

    public static SipUri Create(string host, string? user = null, int? port = null, SipParameters? parameters = null, bool secure = false) =>
        new(secure ? "sips" : "sip", user, null, host, port, parameters ?? SipParameters.Empty, null, null);

    public SipUri WithParameters(SipParameters parameters) =>
        new(Scheme, User, Password, Host, Port, parameters, Headers, Opaque);

    public SipUri WithoutParametersAndHeaders() =>
        new(Scheme, User, Password, Host, Port, SipParameters.Empty, null, Opaque);

    public override string ToString()
    {
        if (Opaque is not null)
        {
            return Scheme + ":" + Opaque;
        }
        var builder = new StringBuilder(64).Append(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }
            builder.Append('@');
        }
        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }
        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
        return builder.ToString();
    }

    /// <summary>RFC 3261 §19.1.4 in the parts we rely on: scheme, unescaped user, host and port.</summary>
    public bool Equals(SipUri? other) =>
        other is not null
        && string.Equals(Scheme, other.Scheme, StringComparison.Ordinal)
        && string.Equals(Opaque, other.Opaque, StringComparison.Ordinal)
        && string.Equals(UnescapedUser, other.UnescapedUser, StringComparison.Ordinal)
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port;

    public override bool Equals(object? obj) => Equals(obj as SipUri);

    public override int GetHashCode() =>
        HashCode.Combine(Scheme, UnescapedUser, StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);
}
