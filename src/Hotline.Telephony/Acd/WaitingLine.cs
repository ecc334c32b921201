namespace Hotline.Telephony.Acd;

/// <summary>Waiting calls in service order: priority first, then time waited, then arrival order.</summary>
internal sealed class WaitingLine
{
    private readonly List<QueuedCall> _calls = [];
    private readonly Dictionary<string, QueuedCall> _byId = new(StringComparer.Ordinal);
    private long _arrivals;

    public IReadOnlyList<QueuedCall> Calls => _calls;

    public bool Contains(string callId) => _byId.ContainsKey(callId);

    public bool TryGet(string callId, out QueuedCall call) => _byId.TryGetValue(callId, out call!);

    /// <summary>Places a new waiting call at its place in service order.</summary>
    public QueuedCall Add(string callId, string callerNumber, AcdQueueOptions queue, int priority, DateTimeOffset now, string? targetAgent = null)
    {
        var call = new QueuedCall(callId, callerNumber, queue, priority, now, _arrivals++) { TargetAgent = targetAgent };
        int index = _calls.FindIndex(other => ServiceOrder(call, other) < 0);
        _calls.Insert(index < 0 ? _calls.Count : index, call);
        _byId.Add(callId, call);
        return call;
    }

    public void Remove(QueuedCall call)
    {
        _calls.Remove(call);
        _byId.Remove(call.CallId);
    }

    private static int ServiceOrder(QueuedCall a, QueuedCall b)
    {
        int byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        int byTime = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byTime != 0 ? byTime : a.Arrival.CompareTo(b.Arrival);
    }
}
