namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>What a supervisor did to a call.</summary>
public enum SupervisorActionKind
{
    /// <summary>Asked to monitor: the supervisor's phone is rung (detail: the extension).</summary>
    MonitorRequested,

    /// <summary>The supervisor's phone answered: monitoring runs (detail: the mode).</summary>
    MonitorStarted,

    /// <summary>Listen, whisper or barge-in chosen (detail: the mode).</summary>
    MonitorModeChanged,

    /// <summary>Monitoring ended (detail: why: stopped, the supervisor hung up, the call ended or was transferred).</summary>
    MonitorEnded,

    /// <summary>Force release (强拆) of the call.</summary>
    Released,
}
