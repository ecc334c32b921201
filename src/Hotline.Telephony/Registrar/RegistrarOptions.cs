namespace Hotline.Telephony.Registrar;

/// <summary>The "Registrar" configuration section.</summary>
public sealed record RegistrarOptions
{
    public const string SectionName = "Registrar";

    /// <summary>Digest realm; defaults to the SIP domain when empty.</summary>
    public string Realm { get; init; } = string.Empty;

    /// <summary>Shortest registration accepted; shorter ones get 423 with Min-Expires (RFC 3261 §10.3 step 7).</summary>
    public int MinExpiresSeconds { get; init; } = 60;

    /// <summary>Longer requested registrations are shortened to this.</summary>
    public int MaxExpiresSeconds { get; init; } = 3600;

    /// <summary>Used when a request names no expiry (§10.2.1.1 leaves it to the registrar).</summary>
    public int DefaultExpiresSeconds { get; init; } = 3600;

    /// <summary>How long a nonce is accepted; after that the client is told stale=true (RFC 7616 §3.3).</summary>
    public int NonceLifetimeSeconds { get; init; } = 300;

    /// <summary>
    /// Challenges offered, in order, comma-separated. RFC 8760 §2.4 lets clients pick the first they
    /// support, but many deployed phones only know MD5: sipp 3.6 reads only the first challenge, and
    /// baresip 1.0 (libre 1.1) refuses a 401 that offers any other algorithm at all. So only MD5 by default;
    /// "SHA-256,MD5" or "SHA-256" suits a fleet of current phones. A string, not a list, so configuration
    /// replaces the default instead of appending to it.
    /// </summary>
    public string DigestAlgorithms { get; init; } = "MD5";

    public IReadOnlyList<string> DigestAlgorithmList =>
        DigestAlgorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// How often each registered contact is sent an OPTIONS probe; a contact that does not answer (timeout or
    /// transport error) is dropped before its registration would lapse. 0 turns probing off.
    /// </summary>
    public int ProbeIntervalSeconds { get; init; } = 60;

    /// <summary>
    /// Where requests to a registered phone go: <see cref="Registrar.RouteVia.Auto"/> (the Contact, or the
    /// REGISTER's source when rport/outbound asked for it or NAT is detected), Contact, or Source.
    /// </summary>
    public RouteVia RouteVia { get; init; } = RouteVia.Auto;

    /// <summary>Contacts one agent may hold at once (desk phone, softphone, mobile…).</summary>
    public int MaxContactsPerAgent { get; init; } = 5;
}
