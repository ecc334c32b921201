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
    /// The automated return-visit survey (回访): calls the citizen through the trunk, plays the return-visit
    /// question (was the department in touch, is it solved: 1 满意, 2 基本满意, 3 不满意), collects the key
    /// (RFC 4733 or SIP INFO) and hangs up. Completes when the call has ended.
    /// </summary>
    Task<SurveyCallResult> PlaceSurveyCallAsync(string number, CancellationToken cancellationToken);
}
