namespace Hotline.Contracts.Security;

/// <summary>Resolves a bearer token to its caller. Tokens are stored hashed; revoked or unknown ones give null.</summary>
public interface ITokenValidator
{
    ValueTask<Caller?> ValidateAsync(string token, CancellationToken cancellationToken);
}
