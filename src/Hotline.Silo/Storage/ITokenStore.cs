using Hotline.Contracts.Security;

namespace Hotline.Silo.Storage;

/// <summary>Issues bearer tokens; only a hash of each token is stored, so a stolen database reveals none.</summary>
internal interface ITokenStore : ITokenValidator
{
    /// <summary>Creates a token for the caller, stores its hash, and returns the token text (shown once).</summary>
    Task<string> IssueAsync(Caller caller, CancellationToken cancellationToken);
}
