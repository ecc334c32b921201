using Hotline.Api.Calls;
using Hotline.Contracts.Wallboard;
using Hotline.Telephony.Calls;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// An agent command from any host of the cluster: tried on this host's call center first; when the agent is not
/// registered here but the cluster's wallboard shows it on another host, sent to that host's
/// <see cref="IHostAgentControl"/> (the agent's state lives with the SIP edge it registered with).
/// </summary>
internal sealed class ClusterAgentCommands(IServiceProvider services, WallboardCluster cluster) : IAgentStateCommands
{
    /// <summary>Bounds a command to a host that went away without a word (Orleans' own timeout is longer).</summary>
    private static readonly TimeSpan RemoteTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Null when this host runs without telephony.</summary>
    public ICallCenter? Local => services.GetService<ICallCenter>();

    public Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        RunAsync(agentId, center => center.SetNotReadyAsync(agentId, reason, cancellationToken), control => control.SetNotReadyAsync(agentId, reason), cancellationToken);

    public Task<CallCenterResult> SetReadyAsync(string agentId, CancellationToken cancellationToken) =>
        RunAsync(agentId, center => center.SetReadyAsync(agentId, cancellationToken), control => control.SetReadyAsync(agentId), cancellationToken);

    public Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        RunAsync(agentId, center => center.LogOutAsync(agentId, reason, cancellationToken), control => control.LogOutAsync(agentId, reason), cancellationToken);

    private async Task<CallCenterResult> RunAsync(
        string agentId, Func<ICallCenter, Task<CallCenterResult>> local, Func<IHostAgentControl, Task<AgentCommandOutcome>> remote, CancellationToken cancellationToken)
    {
        CallCenterResult? here = null;
        if (Local is { } center)
        {
            here = await local(center).ConfigureAwait(false);
            if (here.Refusal != CallCenterRefusal.NotFound)
            {
                return here;
            }
        }

        var elsewhere = cluster.Board.Hosts.FirstOrDefault(h => h.Host != cluster.Host && h.Control is not null && h.Agents.Any(a => a.AgentId == agentId));
        if (elsewhere is null)
        {
            return here ?? CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} is not registered with any host");
        }

        AgentCommandOutcome outcome;
        try
        {
            outcome = await remote(elsewhere.Control!).WaitAsync(RemoteTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"host {elsewhere.Host} did not answer: {exception.Message}");
        }

        return outcome.Refusal is null ? CallCenterResult.Done
            : CallCenterResult.Refuse(Enum.TryParse<CallCenterRefusal>(outcome.Refusal, out var refusal) ? refusal : CallCenterRefusal.Unavailable, outcome.Detail ?? outcome.Refusal);
    }
}
