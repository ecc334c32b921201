namespace Hotline.Telephony.Acd;

/// <summary>An agent's routing state; the agent grain is the one authority that holds it.</summary>
public enum AgentState
{
    Offline,
    Ready,
    NotReady,
    Ringing,
    OnCall,
    WrapUp,
}
