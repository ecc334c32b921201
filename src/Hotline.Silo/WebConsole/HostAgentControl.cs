using Hotline.Contracts.Wallboard;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.WebConsole;

/// <summary>This host's <see cref="IHostAgentControl"/>: another host's command, run on this host's call center.</summary>
internal sealed class HostAgentControl(ICallCenter center) : IHostAgentControl
{
    public async Task<AgentCommandOutcome> SetNotReadyAsync(string agentId, string reason) =>
        Outcome(await center.SetNotReadyAsync(agentId, reason, CancellationToken.None).ConfigureAwait(false));

    public async Task<AgentCommandOutcome> SetReadyAsync(string agentId) =>
        Outcome(await center.SetReadyAsync(agentId, CancellationToken.None).ConfigureAwait(false));

    public async Task<AgentCommandOutcome> LogOutAsync(string agentId, string reason) =>
        Outcome(await center.LogOutAsync(agentId, reason, CancellationToken.None).ConfigureAwait(false));

    private static AgentCommandOutcome Outcome(CallCenterResult result) => new(result.Refusal?.ToString(), result.Detail);
}
