using Hotline.Telephony.Calls;

namespace Hotline.Silo.Scheduling;

/// <summary><see cref="IAgentAvailability"/> from the call centre's live queue view (the wallboard's).</summary>
internal sealed class CallCenterAgentAvailability(ICallCenter center) : IAgentAvailability
{
    public IReadOnlyDictionary<string, int> FreeAgents() =>
        center.ListQueues().ToDictionary(q => q.QueueId, q => Math.Max(0, q.ReadyAgents - q.Waiting), StringComparer.Ordinal);
}
