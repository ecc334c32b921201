using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>
/// Everything reports need about one call (接通率, 15-second answer rate, ASA, abandonment, SL).
/// Built only by <see cref="CallDetailRecordBuilder.Fold"/> from the call's events.
/// </summary>
public sealed record CallDetailRecord
{
    public required string CallId { get; init; }

    public string Caller { get; init; } = string.Empty;

    public string Called { get; init; } = string.Empty;

    public DateTimeOffset? ArrivedAt { get; init; }

    public IReadOnlyList<string> IvrPath { get; init; } = [];

    public string? QueueId { get; init; }

    public int Priority { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public IReadOnlyList<AgentOfferRecord> Offers { get; init; } = [];

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The agent who answered first.</summary>
    public string? AnsweredBy { get; init; }

    public IReadOnlyList<TransferRecord> Transfers { get; init; } = [];

    /// <summary>What supervisors did to the call (monitoring, its modes, force release), in order.</summary>
    public IReadOnlyList<SupervisorActionRecord> SupervisorActions { get; init; } = [];

    public HangUpSide? HangUpSide { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? RecordingPath { get; init; }

    public string? CallbackNumber { get; init; }

    public string? OverflowTarget { get; init; }

    public SurveyResult Survey { get; init; }

    public CallDisposition Disposition { get; init; }

    /// <summary>Time in queue: until answered, or until the call left the queue unanswered.</summary>
    public TimeSpan? WaitTime { get; init; }

    /// <summary>From arrival to a human answering (the 15-second rule counts this).</summary>
    public TimeSpan? TimeToAnswer { get; init; }

    /// <summary>From answer to hang-up (the survey after the agent left is not talk).</summary>
    public TimeSpan? TalkTime { get; init; }

    /// <summary>The callback this call left behind, as the store reads it back (never part of the saved record).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CallbackProgress? Callback { get; init; }
}
