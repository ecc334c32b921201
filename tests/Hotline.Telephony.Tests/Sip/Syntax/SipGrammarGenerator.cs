using System.Globalization;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>
/// Builds valid SIP messages from the RFC 3261 §25.1 productions, token by token. Each token knows whether
/// a line cut right after it still matches the grammar, so a fuzzer can cut and perturb messages at token
/// boundaries and tell what the parser must answer.
/// </summary>
/// <remarks>With <c>viaSentBy</c> ("host:port") every Via names that peer, so a live edge answers it and nobody else.</remarks>
internal sealed class SipGrammarGenerator(Random random, string? viaSentBy = null)
{
    private static readonly string[] Hosts = ["hotline.example", "10.0.0.5", "[2001:db8::1]", "a-b.c9.example", "127.0.0.1", "x"];
    private static readonly string[] Users = ["1001", "alice", "13800000000", "a.b-c_d", "agent%201"];
    private static readonly string[] Methods = ["OPTIONS", "REGISTER", "INVITE", "BYE", "INFO", "MESSAGE", "SUBSCRIBE", "NOTIFY", "REFER", "X-CUSTOM"];

    public GeneratedMessage Request(string? method = null, string? host = null)
    {
        method ??= Pick(Methods);
        var lines = new List<GeneratedLine> { RequestLine(method, host) };
        AddCoreHeaders(lines, method);
        AddExtraHeaders(lines);
        lines.Add(ContentLength());
        return new GeneratedMessage(lines);
    }

    public GeneratedMessage Response()
    {
        var code = Pick(["100", "180", "200", "401", "404", "486", "500", "603"]);
        var lines = new List<GeneratedLine>
        {
            new(string.Empty, [new("SIP", false), new("/", false), new("2.0", false), new(" ", false), new(code, true), new(" ", true), new("Reason", true), new(" ", true), new("Phrase", true)], LineCheck.Parser),
        };
        AddCoreHeaders(lines, Pick(Methods));
        lines.Add(ContentLength());
        return new GeneratedMessage(lines);
    }

    /// <summary>Request-Line = Method SP Request-URI SP SIP-Version: every cut before the end is malformed.</summary>
    private GeneratedLine RequestLine(string method, string? host)
    {
        var tokens = new List<GrammarToken> { new(method, false), new(" ", false) };
        tokens.AddRange(SipUri(host, allowParameters: true).Select(t => t with { ValidAfter = false }));
        tokens.AddRange([new(" ", false), new("SIP", false), new("/", false), new("2", false), new(".", false), new("0", true)]);
        return new GeneratedLine(string.Empty, tokens, LineCheck.Parser);
    }

    private void AddCoreHeaders(List<GeneratedLine> lines, string method)
    {
        for (var i = 1 + random.Next(3); i > 0; i--)
        {
            lines.Add(new GeneratedLine(Name("Via", "v"), Via(), LineCheck.Parser));
        }
        lines.Add(new GeneratedLine("Max-Forwards", [new(random.Next(256).ToString(CultureInfo.InvariantCulture), true)], LineCheck.Parser));
        lines.Add(new GeneratedLine(Name("From", "f"), Address(withTag: true), LineCheck.Parser));
        lines.Add(new GeneratedLine(Name("To", "t"), Address(withTag: random.Next(2) == 0), LineCheck.Parser));
        lines.Add(new GeneratedLine(Name("Call-ID", "i"), CallId(), LineCheck.Parser));
        lines.Add(new GeneratedLine("CSeq", [new(random.Next(1, int.MaxValue).ToString(CultureInfo.InvariantCulture), false), new(" ", false), new(method, true)], LineCheck.Parser));
    }

    private void AddExtraHeaders(List<GeneratedLine> lines)
    {
        var extras = new Func<GeneratedLine>[]
        {
            () => new GeneratedLine(Name("Contact", "m"), random.Next(8) == 0 ? [new("*", true)] : AddressList(), LineCheck.AddressList),
            () => new GeneratedLine("Expires", [new(random.Next(100_000).ToString(CultureInfo.InvariantCulture), true)], LineCheck.Digits),
            () => new GeneratedLine("Route", AddressList(), LineCheck.AddressList),
            () => new GeneratedLine("Record-Route", AddressList(), LineCheck.AddressList),
            () => new GeneratedLine(Name("Refer-To", "r"), Address(withTag: false), LineCheck.Address),
            () => new GeneratedLine("Authorization", Digest(), LineCheck.Digest),
            () => new GeneratedLine("Proxy-Authorization", Digest(), LineCheck.Digest),
            () => new GeneratedLine("Allow", TokenList(["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REFER"]), LineCheck.TokenList),
            () => new GeneratedLine(Name("Supported", "k"), TokenList(["replaces", "timer", "path", "outbound", "gruu"]), LineCheck.TokenList),
            () => new GeneratedLine("User-Agent", [new("baresip", true), new("/", true), new("1.0", true), new(" ", true), new("(x86_64/linux)", true)], LineCheck.Text),
            () => new GeneratedLine(Name("Event", "o"), [new("message-summary", true), new(";", false), new("id", true), new("=", false), new("7", true)], LineCheck.TokenWithParameters),
            () => new GeneratedLine(Name("Subject", "s"), [new("市民", true), new(" ", true), new("hotline", true)], LineCheck.Text),
            () => new GeneratedLine("X-Hotline-Trace", [new("a", true), new(" ", true), new("b", true)], LineCheck.Text),
        };
        foreach (var extra in extras)
        {
            if (random.Next(2) == 0)
            {
                lines.Add(extra());
            }
        }
    }

    private static GeneratedLine ContentLength() => new("Content-Length", [new("0", true)], LineCheck.Parser);

    /// <summary>via-parm = sent-protocol LWS sent-by *( SEMI via-params ).</summary>
    private List<GrammarToken> Via()
    {
        var tokens = new List<GrammarToken>
        {
            new("SIP", false), new("/", false), new("2.0", false), new("/", false), new(Pick(["UDP", "TCP", "TLS", "WS"]), false), new(" ", false),
        };
        if (viaSentBy is null)
        {
            tokens.AddRange(HostPort());
        }
        else
        {
            var colon = viaSentBy.LastIndexOf(':');
            tokens.AddRange([new(viaSentBy[..colon], true), new(":", false), new(viaSentBy[(colon + 1)..], true)]);
        }
        tokens.AddRange(Parameter("branch", "z9hG4bK" + random.Next().ToString("x", CultureInfo.InvariantCulture)));
        if (random.Next(2) == 0)
        {
            tokens.AddRange(Parameter("rport", null));
        }
        if (random.Next(3) == 0)
        {
            tokens.AddRange(Parameter("received", "192.0.2.7"));
        }
        return tokens;
    }

    private List<GrammarToken> HostPort()
    {
        var tokens = new List<GrammarToken> { new(Pick(Hosts), true) };
        if (random.Next(2) == 0)
        {
            tokens.AddRange([new(":", false), new(random.Next(1, 65536).ToString(CultureInfo.InvariantCulture), true)]);
        }
        return tokens;
    }

    /// <summary>SIP-URI = "sip:" [ userinfo ] hostport uri-parameters; a bare "sip:user" is a URI with host "user".</summary>
    private List<GrammarToken> SipUri(string? host = null, bool allowParameters = false)
    {
        var tokens = new List<GrammarToken> { new(Pick(["sip", "sips", "SIP"]), false), new(":", false) };
        if (host is null && random.Next(4) != 0)
        {
            var user = Pick(Users);
            tokens.AddRange([new(user, IsHostName(user)), new("@", false)]);
        }
        if (host is null)
        {
            tokens.AddRange(HostPort());
        }
        else
        {
            tokens.Add(new(host, true));
        }
        if (allowParameters && random.Next(2) == 0)
        {
            tokens.AddRange(Parameter(Pick(["transport", "user", "maddr"]), Pick(["tcp", "phone", "10.1.1.1"])));
        }
        if (allowParameters && random.Next(3) == 0)
        {
            tokens.AddRange(Parameter("lr", null));
        }
        return tokens;
    }

    /// <summary>from-spec = ( name-addr / addr-spec ) *( SEMI from-param ); in an addr-spec a ';' starts header parameters.</summary>
    private List<GrammarToken> Address(bool withTag)
    {
        var tokens = new List<GrammarToken>();
        if (random.Next(3) == 0)
        {
            tokens.AddRange(SipUri(allowParameters: false));
        }
        else
        {
            switch (random.Next(3))
            {
                case 0:
                    tokens.AddRange([new("\"Agent, \\\"1001\\\"\"", false), new(" ", false)]);
                    break;
                case 1:
                    tokens.AddRange([new("Agent", false), new(" ", false), new("Smith", false), new(" ", false)]);
                    break;
            }
            tokens.Add(new("<", false));
            tokens.AddRange(SipUri(allowParameters: true).Select(t => t with { ValidAfter = false }));
            tokens.Add(new(">", true));
        }
        if (withTag)
        {
            tokens.AddRange(Parameter("tag", random.Next().ToString("x", CultureInfo.InvariantCulture)));
        }
        if (random.Next(3) == 0)
        {
            tokens.AddRange(Parameter(Pick(["expires", "q", "+sip.instance"]), Pick(["3600", "0.5", "\"<urn:uuid:f81d4fae>\""])));
        }
        return tokens;
    }

    /// <summary>1#(name-addr) with RFC 7230 §7 leniency: an empty list element (a dangling comma) is ignored.</summary>
    private List<GrammarToken> AddressList()
    {
        var tokens = new List<GrammarToken>();
        for (var i = 1 + random.Next(2); i > 0; i--)
        {
            if (tokens.Count > 0)
            {
                tokens.AddRange([new(",", true), new(" ", true)]);
            }
            tokens.Add(new("<", false));
            tokens.AddRange(SipUri(allowParameters: true).Select(t => t with { ValidAfter = false }));
            tokens.Add(new(">", true));
            if (random.Next(2) == 0)
            {
                tokens.AddRange(Parameter("expires", "600"));
            }
        }
        return tokens;
    }

    /// <summary>credentials = "Digest" LWS dig-resp *(COMMA dig-resp) (RFC 3261 §25.1, RFC 7616 §3.4).</summary>
    private List<GrammarToken> Digest()
    {
        var tokens = new List<GrammarToken> { new("Digest", false), new(" ", false) };
        var parameters = new (string Name, string Value)[]
        {
            ("username", "\"1001\""), ("realm", "\"hotline.example\""), ("nonce", "\"a1b2c3\""), ("uri", "\"sip:hotline.example\""),
            ("response", "\"0123456789abcdef\""), ("algorithm", "MD5"), ("qop", "auth"), ("nc", "00000001"), ("cnonce", "\"x,y\""),
        };
        var count = 1 + random.Next(parameters.Length);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                tokens.AddRange([new(",", true), new(" ", true)]);
            }
            tokens.AddRange([new(parameters[i].Name, false), new("=", false), new(parameters[i].Value, true)]);
        }
        return tokens;
    }

    private List<GrammarToken> TokenList(string[] items)
    {
        var tokens = new List<GrammarToken>();
        foreach (var item in items.Where(_ => random.Next(2) == 0).DefaultIfEmpty(items[0]))
        {
            if (tokens.Count > 0)
            {
                tokens.AddRange([new(",", true), new(" ", true)]);
            }
            tokens.Add(new(item, true));
        }
        return tokens;
    }

    /// <summary>callid = word [ "@" word ].</summary>
    private List<GrammarToken> CallId() => random.Next(2) == 0
        ? [new(Guid.NewGuid().ToString("N"), true), new("@", false), new("host.example", true)]
        : [new("a84b4c76-e667!%*_+`'~()<>:\\\"/[]?{}", true)];

    /// <summary>SEMI generic-param: after ';' a name must follow, after '=' a value.</summary>
    private static List<GrammarToken> Parameter(string name, string? value) => value is null
        ? [new(";", false), new(name, true)]
        : [new(";", false), new(name, true), new("=", false), new(value, true)];

    private string Name(string full, string compact) => random.Next(4) switch
    {
        0 => compact,
        1 => full.ToUpperInvariant(),
        _ => full,
    };

    private static bool IsHostName(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
