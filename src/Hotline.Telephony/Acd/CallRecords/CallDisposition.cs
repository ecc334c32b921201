namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>How a call ended, for 接通率, abandonment and service-level reports.</summary>
public enum CallDisposition
{
    /// <summary>No hang-up seen yet.</summary>
    InProgress,
    Answered,
    AbandonedInQueue,

    /// <summary>Ended before reaching a queue (caller hung up in the greeting or menu).</summary>
    AbandonedInIvr,
    Overflow,
    CallbackRequested,
}
