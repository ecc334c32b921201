namespace Hotline.Telephony.Diagnostics;

/// <summary>
/// What the call centre holds right now, read when /metrics is scraped: calls in progress (answered by the
/// edge, not yet ended), calls waiting in a queue, and agents per ACD state name (READY, BUSY, …).
/// </summary>
internal sealed record TelephonyLiveCounts(int ActiveCalls, int WaitingCalls, IReadOnlyDictionary<string, int> AgentsByState)
{
    public static TelephonyLiveCounts Empty { get; } = new(0, 0, new Dictionary<string, int>());
}
