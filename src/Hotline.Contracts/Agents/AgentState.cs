namespace Hotline.Contracts.Agents;

/// <summary>An agent's routing state; the agent grain is the one authority that holds it.</summary>
[GenerateSerializer]
public enum AgentState
{
    Offline,
    Ready,
    NotReady,
    Ringing,
    OnCall,
    WrapUp,
}
