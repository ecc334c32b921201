namespace Hotline.Silo.Storage;

/// <summary>
/// The agent directory as the CLI manages it. Passwords go in, only HA1 hashes for the configured realm
/// are stored; nothing here ever returns a secret.
/// </summary>
internal interface IAgentDirectory
{
    /// <summary>Adds a new agent; false when the id is taken (nothing changes then).</summary>
    Task<bool> AddAsync(NewAgent agent, CancellationToken cancellationToken);

    /// <summary>Adds or replaces every agent in one transaction: all are stored, or (on an error) none.</summary>
    /// <returns>How many ids were new; the rest replaced existing agents.</returns>
    Task<int> ImportAsync(IReadOnlyList<NewAgent> agents, CancellationToken cancellationToken);

    /// <summary>Every agent, ordered by id.</summary>
    Task<IReadOnlyList<AgentEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the agent (its state history stays); false when unknown.</summary>
    Task<bool> RemoveAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Enables or disables the agent (a disabled agent is unknown to the registrar, its record kept); false when unknown.</summary>
    Task<bool> SetEnabledAsync(string agentId, bool enabled, CancellationToken cancellationToken);

    /// <summary>Sets a new password (hashed for the current realm); false when unknown.</summary>
    Task<bool> SetPasswordAsync(string agentId, string password, CancellationToken cancellationToken);
}
