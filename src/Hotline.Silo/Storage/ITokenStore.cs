using Hotline.Contracts.Security;

namespace Hotline.Silo.Storage;

/// <summary>Issues bearer tokens; only a hash of each token is stored, so a stolen database reveals none.</summary>
internal interface ITokenStore : ITokenValidator
{
    /// <summary>Creates a token for the caller that never expires (tests, the demo), stores its hash, and returns the token text.</summary>
    Task<string> IssueAsync(Caller caller, CancellationToken cancellationToken) => IssueAsync(caller, expiresAt: null, cancellationToken);

    /// <summary>Creates a token valid until <paramref name="expiresAt"/> (null: until revoked) and returns its text (shown once).</summary>
    Task<string> IssueAsync(Caller caller, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Every token issued, revoked and expired ones included, oldest first.</summary>
    Task<IReadOnlyList<IssuedToken>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the token whose handle starts with the selector's prefix, or all of one caller's; returns
    /// the handles that matched (revoking nothing when a prefix matches more than one token).
    /// </summary>
    Task<IReadOnlyList<string>> RevokeAsync(TokenSelector selector, CancellationToken cancellationToken);
}
