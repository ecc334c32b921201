namespace Hotline.Telephony.Calls;

/// <summary>
/// The call center as the agent desk and the supervisors see it: agents' own commands (by agent id, which
/// the API takes from the authenticated staff id) and live views of agents and queues. Implemented by the
/// edge; the gRPC services AgentDesk and Supervision are thin adapters over it.
/// </summary>
public interface ICallCenter
{
    /// <summary>READY: the agent takes calls. Refused while ringing or on a call.</summary>
    Task<CallCenterResult> SetReadyAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>NOT_READY with a reason (break, training…). Refused while on a call; declines a ringing call.</summary>
    Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Logs the agent out (OFFLINE) whatever it was doing: a ringing call goes to the next agent, a connected
    /// call goes on. The agent takes calls again once it sets READY.
    /// </summary>
    Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Force release (强拆): ends a live call by its id, both sides hung up by the hotline; the detail is the
    /// hang-up reason. NotFound when no such call is in progress.
    /// </summary>
    Task<CallCenterResult> ReleaseCallAsync(string callId, string reason, CancellationToken cancellationToken);

    /// <summary>Ends after-call work early. Refused unless in WRAP_UP.</summary>
    Task<CallCenterResult> EndWrapUpAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Puts the agent's current call on hold (the caller hears music) or resumes it.</summary>
    Task<CallCenterResult> HoldAsync(string agentId, bool hold, CancellationToken cancellationToken);

    /// <summary>
    /// Transfers the agent's current call to another agent id or a department number. Blind: the agent
    /// leaves at once. Attended: the agent talks to the target first and leaves when the target answers.
    /// </summary>
    Task<CallCenterResult> TransferAsync(string agentId, string target, bool attended, CancellationToken cancellationToken);

    /// <summary>The agent's calls as they happen (ringing, answered, ended) until cancelled; the screen pop.</summary>
    IAsyncEnumerable<AgentCallNotice> WatchCallsAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Every known agent with its live state.</summary>
    IReadOnlyList<AgentSnapshot> ListAgents();

    /// <summary>Every queue with its waiting calls.</summary>
    IReadOnlyList<QueueSnapshot> ListQueues();

    /// <summary>
    /// Completes at the next change the wallboard shows (an agent's state, a queue, a call ended and its record
    /// kept); cancelled by <paramref name="cancellationToken"/>.
    /// </summary>
    Task WaitForChangeAsync(CancellationToken cancellationToken);
}
