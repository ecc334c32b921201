namespace Hotline.Telephony.Registrar;

/// <summary>
/// What the edge needs to know of one agent: the digest secret — the password, or precomputed HA1 values
/// (H(username:realm:password), RFC 7616 §3.4.2) so the store need not hold the password itself — and the
/// skills the ACD routes by (skill name to level, 1 = basic; higher levels are offered calls first).
/// </summary>
public sealed record AgentCredential(
    string AgentId,
    string? Password,
    string? Ha1Md5 = null,
    string? Ha1Sha256 = null,
    IReadOnlyDictionary<string, int>? Skills = null);
