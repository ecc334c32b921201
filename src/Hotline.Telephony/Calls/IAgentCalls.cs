namespace Hotline.Telephony.Calls;

/// <summary>
/// Calls an agent places itself (AgentDesk.PlaceCall): its own phone is rung first, then the citizen through
/// the trunk, presenting the hotline's number. Only numbers the toll-fraud rules allow
/// (Calls:AgentDialPatterns) are dialled, and every call is recorded with the agent on its record.
/// </summary>
public interface IAgentCalls
{
    /// <summary>
    /// Completes when both answered (Detail: the call's id). InvalidArgument for a malformed number, Forbidden
    /// for one the rules refuse, NotFound without a registered phone, WrongState while the agent is ringing
    /// or on a call, Unavailable when the agent's phone or the citizen was not reached.
    /// </summary>
    Task<CallCenterResult> PlaceCallAsync(string agentId, string number, CancellationToken cancellationToken);
}
