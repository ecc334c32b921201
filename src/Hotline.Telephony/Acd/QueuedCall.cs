namespace Hotline.Telephony.Acd;

/// <summary>A call waiting in a queue (or ringing an agent on the queue's behalf).</summary>
public sealed class QueuedCall
{
    private readonly HashSet<string> _triedAgents = [];

    internal QueuedCall(string callId, string callerNumber, AcdQueueOptions queue, int priority, DateTimeOffset enqueuedAt, long arrival)
    {
        CallId = callId;
        CallerNumber = callerNumber;
        Queue = queue;
        Priority = priority;
        EnqueuedAt = enqueuedAt;
        Arrival = arrival;
    }

    public string CallId { get; }

    public string CallerNumber { get; }

    public AcdQueueOptions Queue { get; }

    /// <summary>Higher first; priority callers (elderly, one-key-to-human) jump ahead of ordinary ones.</summary>
    public int Priority { get; }

    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>Agent being rung, if any.</summary>
    public string? RingingAgent { get; internal set; }

    internal DateTimeOffset? RingEndsAt { get; set; }

    /// <summary>The caller accepted a queued callback: the place is kept but the caller has hung up.</summary>
    public CallbackRequest? Callback { get; internal set; }

    public bool CallbackOffered { get; internal set; }

    /// <summary>A call transferred to one agent is offered to that agent only, until that offer ends.</summary>
    public string? TargetAgent { get; internal set; }

    /// <summary>Tie-break among equal priority and time: order of arrival.</summary>
    internal long Arrival { get; }

    internal IReadOnlySet<string> TriedAgents => _triedAgents;

    internal void MarkTried(string agentId) => _triedAgents.Add(agentId);

    internal void ForgetTried() => _triedAgents.Clear();
}
