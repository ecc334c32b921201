using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Diagnostics;

/// <summary>
/// What the call centre holds right now, read when /metrics is scraped: calls in progress (answered by the
/// edge, not yet ended), calls waiting in a queue, and signed-in agents by state (busy = ringing, on a call
/// or in wrap-up; not ready = signed in but on a break or otherwise unavailable).
/// </summary>
internal sealed record TelephonyLiveCounts(int ActiveCalls, int WaitingCalls, int ReadyAgents, int BusyAgents, int NotReadyAgents)
{
    public static TelephonyLiveCounts Empty { get; } = new(0, 0, 0, 0, 0);

    public static TelephonyLiveCounts Count(int activeCalls, int waitingCalls, IReadOnlyCollection<AcdAgent> agents)
    {
        int ready = 0, busy = 0, offline = 0;
        foreach (var agent in agents)
        {
            switch (agent.State)
            {
                case AgentState.Ready:
                    ready++;
                    break;
                case AgentState.Ringing or AgentState.OnCall or AgentState.WrapUp:
                    busy++;
                    break;
                case AgentState.Offline:
                    offline++;
                    break;
            }
        }
        return new TelephonyLiveCounts(activeCalls, waitingCalls, ready, busy, agents.Count - ready - busy - offline);
    }
}
