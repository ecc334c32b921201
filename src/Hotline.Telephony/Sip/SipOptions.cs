namespace Hotline.Telephony.Sip;

/// <summary>The "Sip" configuration section: where the edge listens and how much it accepts.</summary>
public sealed record SipOptions
{
    public const string SectionName = "Sip";

    /// <summary>UDP and TCP port (RFC 3261 §19.1.2 default 5060); 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5060;

    /// <summary>
    /// SIP over TLS port for agents' phones (RFC 3261 §26.2.1 default 5061; 0 picks a free port). TLS
    /// listens only when <see cref="TlsCertificatePath"/> is set.
    /// </summary>
    public int TlsPort { get; init; } = 5061;

    /// <summary>The edge's certificate: a PFX/PKCS#12 file (.pfx, .p12) or a PEM file; empty leaves TLS off.</summary>
    public string TlsCertificatePath { get; init; } = "";

    /// <summary>The PEM private key when it is not in <see cref="TlsCertificatePath"/>'s PEM file.</summary>
    public string TlsKeyPath { get; init; } = "";

    /// <summary>The PFX password, if it has one.</summary>
    public string TlsCertificatePassword { get; init; } = "";

    /// <summary>
    /// When calls to phones (ACD rings, consultations, monitoring, agents' own calls) offer SRTP with SDES keys:
    /// never, tls (phones registered and rung over TLS; the default) or always.
    /// </summary>
    public SrtpOfferMode OfferSrtp { get; init; } = SrtpOfferMode.Tls;

    /// <summary>Address to bind; loopback unless the host opens the edge deliberately.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>The SIP domain agents register in: sip:&lt;agent_id&gt;@Domain.</summary>
    public string Domain { get; init; } = "hotline.local";

    /// <summary>Open TCP connections allowed at once; further connects are refused.</summary>
    public int MaxTcpConnections { get; init; } = 2048;

    /// <summary>Open TCP connections allowed from one source address, so one host cannot take every slot.</summary>
    public int MaxTcpConnectionsPerSource { get; init; } = 32;

    /// <summary>A TCP connection with no bytes for this long is closed.</summary>
    public int TcpIdleTimeoutSeconds { get; init; } = 600;

    /// <summary>
    /// An accepted TCP connection that has not sent a whole request this long after connecting is closed;
    /// CRLF keep-alives do not extend it (they keep only a connection that has sent a request alive).
    /// </summary>
    public int TcpFirstRequestTimeoutSeconds { get; init; } = 10;

    /// <summary>Messages per second accepted from one source address; 0 turns the limit off.</summary>
    public int PerSourceMessagesPerSecond { get; init; }

    /// <summary>A non-trunk source refused this many times (403/404) within <see cref="BanWindowSeconds"/> is banned; 0 never bans.</summary>
    public int BanAfterFailures { get; init; } = 20;

    public int BanWindowSeconds { get; init; } = 60;

    /// <summary>How long a banned source's packets are dropped unanswered.</summary>
    public int BanSeconds { get; init; } = 600;

    /// <summary>
    /// Sources (IPv4 addresses, IPv6 /64s) the ban table remembers; past it, those struck longest ago are
    /// forgotten first, and active bans only when the table holds nothing else.
    /// </summary>
    public int MaxTrackedSources { get; init; } = 100_000;

    /// <summary>Numbers that reach the hotline (comma-separated), e.g. "12345"; callers dial sip:12345@….</summary>
    public string HotlineNumbers { get; init; } = "12345";

    /// <summary>SIP trunks allowed to deliver calls; every other caller must be an authenticated agent.</summary>
    public IReadOnlyList<SipTrunkOptions> Trunks { get; init; } = [];

    /// <summary>The Server/User-Agent header value.</summary>
    public string ServerName { get; init; } = "Hotline";
}
