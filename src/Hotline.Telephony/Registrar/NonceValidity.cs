namespace Hotline.Telephony.Registrar;

internal enum NonceValidity
{
    Valid,

    /// <summary>Ours but too old: challenge again with stale=true so the client retries without asking the user (RFC 7616 §3.3).</summary>
    Stale,

    /// <summary>Forged, or a nonce-count not above the last one seen (a replay).</summary>
    Invalid,
}
