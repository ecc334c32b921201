using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>
/// The library's default authority for the edge on its own (tests, a lab): the live states are the ACD's,
/// and the history is not kept. The host registers its agent grain instead, which keeps every change.
/// </summary>
internal sealed class UnkeptAgentStateAuthority : IAgentStateAuthority
{
    public Task RecordAsync(string agentId, AgentStateChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}
