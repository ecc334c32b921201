namespace Hotline.Telephony.Calls;

/// <summary>
/// Supervisors on live calls (by the edge's call id): monitoring with listen (监听), whisper (耳语) and
/// barge-in (强插). Each action is kept on the call's record with the supervisor's id and the time.
/// Refusals: NotFound (no such call in progress), WrongState (the call has no agent talking, it is
/// already monitored or a three-party call, the supervisor's phone is not registered, nothing to switch or stop),
/// Unavailable (the phone did not answer, no RTP ports).
/// </summary>
public interface ISupervisorCalls
{
    /// <summary>
    /// Rings the phone registered under <paramref name="extension"/>; completes when it answered and hears
    /// both sides (listen mode), or with the refusal.
    /// </summary>
    Task<CallCenterResult> MonitorAsync(string callId, string supervisorId, string extension, CancellationToken cancellationToken);

    /// <summary>Switches the monitoring supervisor between listen, whisper and barge-in, without redialling.</summary>
    Task<CallCenterResult> SetMonitorModeAsync(string callId, string supervisorId, MonitorMode mode, CancellationToken cancellationToken);

    /// <summary>Ends the monitoring: the supervisor's phone is hung up; caller and agent talk on.</summary>
    Task<CallCenterResult> StopMonitorAsync(string callId, string supervisorId, CancellationToken cancellationToken);

    /// <summary>Force release (强拆): both sides are hung up by the hotline; the record keeps who did it.</summary>
    Task<CallCenterResult> ReleaseAsync(string callId, string supervisorId, CancellationToken cancellationToken);
}
