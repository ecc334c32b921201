using Grpc.Core;
using Grpc.Net.Client;
using Hotline.Silo.Tests.Storage;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// Supervision.ForceAgentState across two real host processes: the agent's phone registers with host A, the supervisor
/// calls host B's gRPC port, and the command reaches host A's SIP edge (which holds the agent's state) through the
/// cluster, as the console's 置忙 does. An agent no host has is NOT_FOUND; a host that does not answer is UNAVAILABLE.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterForceAgentStateTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task ForceAgentState_AgentOnTheOtherHost_ReachesThatHostElseNotFoundOrUnavailable()
    {
        await using var cluster = await TelephonyCluster.StartAsync(postgres);
        var supervisor = await cluster.TokenAsync("fs-boss", "supervisor");
        await cluster.AddAgentAsync("4002", "phone-secret-4002");
        await TelephonyCluster.RegisterPhoneAsync(cluster.HostA, "4002", "phone-secret-4002");
        using var wallboardA = TelephonyCluster.Client(cluster.HostA, supervisor);
        using var wallboardB = TelephonyCluster.Client(cluster.HostB, supervisor);
        await TelephonyCluster.WallboardWhenAsync(wallboardB, s => TelephonyCluster.Agent(s, "4002") is not null, "agent 4002 (host A's) on host B's wallboard");
        using var channel = GrpcChannel.ForAddress(cluster.HostB.GrpcAddress);
        var supervisionOnB = new V1.Supervision.SupervisionClient(channel);
        var bearer = new Metadata { { "authorization", "Bearer " + supervisor } };
        Task<V1.ForceAgentStateResponse> ForceAsync(string agentId, V1.AgentState state, string reason) =>
            supervisionOnB.ForceAgentStateAsync(new V1.ForceAgentStateRequest { AgentId = agentId, State = state, Reason = reason }, bearer).ResponseAsync;

        await ForceAsync("4002", V1.AgentState.NotReady, "质检抽查");
        var notReady = await TelephonyCluster.WallboardWhenAsync(
            // The agent may already show NOT_READY (as registered) before the forced change arrives: wait for its reason.
            wallboardA, s => State(s, "4002") == "NotReady" && TelephonyCluster.Agent(s, "4002")!.Value.GetProperty("reason").GetString()!.Contains("质检抽查", StringComparison.Ordinal), "agent 4002 NOT_READY (forced through host B) on host A's wallboard");
        var nobody = await Assert.ThrowsAsync<RpcException>(() => ForceAsync("4999", V1.AgentState.NotReady, "质检抽查"));
        await ForceAsync("4002", V1.AgentState.Offline, "下班");
        await TelephonyCluster.WallboardWhenAsync(wallboardA, s => State(s, "4002") == "Offline", "agent 4002 logged out (through host B) on host A's wallboard");
        await cluster.HostA.KillAsync();
        var unanswered = await Assert.ThrowsAsync<RpcException>(() => ForceAsync("4002", V1.AgentState.Offline, "下班"));

        var forced = TelephonyCluster.Agent(notReady, "4002")!.Value;
        Assert.Equal("值班长 fs-boss 强制：质检抽查", forced.GetProperty("reason").GetString());
        Assert.Equal(notReady.GetProperty("host").GetString(), forced.GetProperty("host").GetString());
        Assert.Equal(StatusCode.NotFound, nobody.StatusCode);
        Assert.Contains("4999", nobody.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, unanswered.StatusCode);
        Assert.Contains("did not answer", unanswered.Status.Detail, StringComparison.Ordinal);

        // The audit stays with the host the supervisor called: who forced which agent, and why.
        Assert.Contains("Supervisor fs-boss forced agent 4002 to NotReady", cluster.HostB.Output, StringComparison.Ordinal);
        Assert.Contains("Supervisor fs-boss forced agent 4002 to Offline", cluster.HostB.Output, StringComparison.Ordinal);
    }

    private static string? State(System.Text.Json.JsonElement snapshot, string agentId) =>
        TelephonyCluster.Agent(snapshot, agentId)?.GetProperty("state").GetString();
}
