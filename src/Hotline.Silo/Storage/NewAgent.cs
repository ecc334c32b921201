namespace Hotline.Silo.Storage;

/// <summary>An agent to add: the password is hashed by the store and then forgotten.</summary>
internal sealed record NewAgent(string AgentId, string Password, IReadOnlyDictionary<string, int> Skills);
