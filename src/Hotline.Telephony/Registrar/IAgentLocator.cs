namespace Hotline.Telephony.Registrar;

/// <summary>Where an agent's phones are now: the live registrations.</summary>
public interface IAgentLocator
{
    IReadOnlyList<AgentContact> GetContacts(string agentId);
}
