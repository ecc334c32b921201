namespace Hotline.Telephony.Calls;

/// <summary>
/// The edge's outbound-call operation: calls a citizen through the first configured trunk and, once the
/// citizen answers, queues the call with priority for the next free agent of a queue. A scheduler places
/// stored callback requests (queued callbacks, 漏接回拨) with it.
/// </summary>
public interface IOutboundCalls
{
    /// <summary>
    /// Completes when the citizen answered (Detail: the new call's id) or could not be reached
    /// (Unavailable, with the SIP status); a malformed number or unknown queue is InvalidArgument.
    /// </summary>
    Task<CallCenterResult> PlaceCallAsync(string number, string queueId, CancellationToken cancellationToken);

    /// <summary>
    /// Agent-first callbacks (Callbacks:Mode agent-first), step one: holds the next free agent of the queue
    /// (ON_CALL, offered no other call) and returns the reservation's id; null when no agent of the queue is free.
    /// Follow with <see cref="PlaceReservedCallAsync"/> or <see cref="ReleaseAgentAsync"/>.
    /// </summary>
    Task<string?> ReserveAgentAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Lets a held agent go (READY again); nothing when the reservation already ended.</summary>
    Task ReleaseAgentAsync(string reservationId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Calls the citizen for a held agent: answered, the call rings that agent before anyone else; not reached
    /// (or refused, or cancelled), the agent is released. Results as <see cref="PlaceCallAsync"/>.
    /// </summary>
    Task<CallCenterResult> PlaceReservedCallAsync(string number, string queueId, string reservationId, CancellationToken cancellationToken);

    /// <summary>
    /// The automated return-visit survey (回访): calls the citizen through the trunk, plays the return-visit
    /// question (was the department in touch, is it solved: 1 满意, 2 基本满意, 3 不满意), collects the key
    /// (RFC 4733 or SIP INFO) and hangs up. Completes when the call has ended.
    /// </summary>
    Task<SurveyCallResult> PlaceSurveyCallAsync(string number, CancellationToken cancellationToken);
}
