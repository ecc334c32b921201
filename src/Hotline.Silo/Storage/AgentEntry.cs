namespace Hotline.Silo.Storage;

/// <summary>An agent as listed: no secret, and the realm its secret was made for.</summary>
internal sealed record AgentEntry(
    string AgentId,
    IReadOnlyDictionary<string, int> Skills,
    bool Enabled,
    string Realm,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
