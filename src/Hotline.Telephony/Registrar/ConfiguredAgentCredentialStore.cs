using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// The default credential store: agents listed under "Registrar:Agents" (id plus password or HA1).
/// Enough for a small desk or a lab; the host replaces it with its agent directory.
/// </summary>
internal sealed class ConfiguredAgentCredentialStore : IAgentCredentialStore
{
    private readonly Dictionary<string, AgentCredential> _agents;

    public ConfiguredAgentCredentialStore(IOptions<ConfiguredAgentsOptions> options)
    {
        _agents = options.Value.Agents.ToDictionary(a => a.AgentId, StringComparer.Ordinal);
    }

    public ValueTask<AgentCredential?> FindAsync(string agentId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_agents.GetValueOrDefault(agentId));
}
