namespace Hotline.Silo.Scheduling;

/// <summary>Port to the call centre for agent-first callbacks: how many agents of each queue could take a call now.</summary>
internal interface IAgentAvailability
{
    /// <summary>Per queue id: ready agents beyond the callers already waiting (never negative).</summary>
    IReadOnlyDictionary<string, int> FreeAgents();
}
