namespace Hotline.Telephony.Calls;

public enum AgentCallPhase
{
    Ringing,
    Answered,

    /// <summary>The call left this agent (hung up, transferred away, or the ringing stopped).</summary>
    Ended,
}
