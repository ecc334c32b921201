namespace Hotline.Telephony.Calls;

/// <summary>
/// Consultative transfer (咨询转) on the agent's own connected call: the caller is held with music while the
/// agent talks with another agent, a READY agent of a queue, or a department number; then the caller is
/// put through (the agent leaves) or the agent returns to the caller. The recording goes on in the call's
/// file. State errors are WrongState naming the state (IDLE, DIALING, CONSULTING, TRANSFERRED).
/// </summary>
public interface IConsultations
{
    /// <summary>Completes when the consulted party answered; Unavailable when it was not reached (the caller is back with the agent).</summary>
    Task<CallCenterResult> ConsultAsync(string agentId, string target, CancellationToken cancellationToken);

    /// <summary>The caller is joined to the consulted party and the agent leaves for wrap-up.</summary>
    Task<CallCenterResult> CompleteTransferAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>The consulted party is hung up; the agent talks with the caller again.</summary>
    Task<CallCenterResult> CancelConsultAsync(string agentId, CancellationToken cancellationToken);
}
