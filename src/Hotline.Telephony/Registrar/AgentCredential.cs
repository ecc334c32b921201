namespace Hotline.Telephony.Registrar;

/// <summary>
/// What digest authentication needs for one agent: the password, or precomputed HA1 values
/// (H(username:realm:password), RFC 7616 §3.4.2) so the store need not hold the password itself.
/// </summary>
public sealed record AgentCredential(string AgentId, string? Password, string? Ha1Md5 = null, string? Ha1Sha256 = null);
