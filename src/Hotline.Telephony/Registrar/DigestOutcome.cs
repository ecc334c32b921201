namespace Hotline.Telephony.Registrar;

internal enum DigestOutcome
{
    Authenticated,

    /// <summary>No or unusable credentials: answer 401 with fresh challenges.</summary>
    Challenge,

    /// <summary>Right password, old nonce: 401 with stale=true.</summary>
    StaleNonce,

    /// <summary>Credentials for another user than the one registering: 403 (RFC 3261 §10.3 step 6).</summary>
    Forbidden,
}
