namespace Hotline.Silo.Storage;

/// <summary>
/// What is known of an issued token without its text: <paramref name="Handle"/> is the start of its hash
/// (enough to name it to <c>token revoke</c>, useless for calling), who it speaks for, and its lifetime.
/// </summary>
internal sealed record IssuedToken(string Handle, string Kind, string Id, string Role, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, bool Revoked);
