using Hotline.Contracts.Agents;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// Polls an edge's call center until it shows what a test waits for (not timing assertions: the deadline of
/// 600 polls only bounds a broken run).
/// </summary>
internal static class CallCenterWaits
{
    public static async Task AgentAsync(EdgeHost host, string agentId, AgentState state)
    {
        var center = host.Services.GetRequiredService<ICallCenter>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (center.ListAgents().FirstOrDefault(x => x.AgentId == agentId)?.State == state)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"agent {agentId} never became {state}: " + string.Join(", ", center.ListAgents()));
    }

    public static async Task AgentOnCallAsync(EdgeHost host, string agentId, string callId)
    {
        var center = host.Services.GetRequiredService<ICallCenter>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (center.ListAgents().FirstOrDefault(x => x.AgentId == agentId) is { State: AgentState.OnCall } agent && agent.CallId == callId)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"agent {agentId} never took call {callId}: " + string.Join(", ", center.ListAgents()));
    }

    public static async Task RegisteredAsync(EdgeHost host, string id)
    {
        for (var attempt = 0; attempt < 600 && host.Locator.GetContacts(id).Count == 0; attempt++)
        {
            await Task.Delay(50);
        }
        Assert.NotEmpty(host.Locator.GetContacts(id));
    }

    /// <summary>The id of the first call waiting in a queue.</summary>
    public static async Task<string> WaitingCallAsync(EdgeHost host)
    {
        var center = host.Services.GetRequiredService<CallCenter>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await center.InvokeAsync(() => center.Acd.Waiting.FirstOrDefault()?.CallId) is { } callId)
            {
                return callId;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no call ever waited");
    }
}
