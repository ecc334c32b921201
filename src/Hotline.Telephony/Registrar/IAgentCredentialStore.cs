namespace Hotline.Telephony.Registrar;

/// <summary>Port to the host's agent directory: the SIP credential of an agent id, or null when unknown or disabled.</summary>
public interface IAgentCredentialStore
{
    ValueTask<AgentCredential?> FindAsync(string agentId, CancellationToken cancellationToken);
}
