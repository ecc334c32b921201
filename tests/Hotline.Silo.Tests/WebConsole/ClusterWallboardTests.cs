using System.Net;
using System.Text.Json;
using Hotline.Silo.Tests.Storage;
using Hotline.Telephony.Tests.Interop;

namespace Hotline.Silo.Tests.WebConsole;

/// <summary>
/// Two real host processes in one Orleans cluster on the throwaway PostgreSQL: an agent registered (by sipp) with host
/// A's SIP edge shows on host B's wallboard, and a call (sipp, through host B's edge) queued on B shows live on the
/// wallboard stream of host A; the agent (signed in on host B) goes READY and a supervisor on host B sets it NOT_READY,
/// both commands carried to host A, whose SIP edge holds the agent's state.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterWallboardTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task TwoHosts_AgentOnOneCallOnTheOther_EachWallboardShowsBothAndCommandsReachTheAgentsHost()
    {
        await using var cluster = await TelephonyCluster.StartAsync(postgres);
        var (hostA, hostB) = (cluster.HostA, cluster.HostB);
        var supervisor = await cluster.TokenAsync("wb-boss", "supervisor");
        await cluster.AddAgentAsync("4001", "phone-secret-4001");
        using var clientA = TelephonyCluster.Client(hostA, supervisor);
        using var clientB = TelephonyCluster.Client(hostB, supervisor);

        // The agent's phone registers with host A only.
        await TelephonyCluster.RegisterPhoneAsync(hostA, "4001", "phone-secret-4001");
        var onB = await TelephonyCluster.WallboardWhenAsync(clientB, s => Agent(s, "4001") is not null
            && s.GetProperty("hosts").GetArrayLength() == 2, "agent 4001 on host B's wallboard");

        // A caller reaches host B's edge and waits in its general queue; host A's wallboard stream shows it.
        using var events = await clientA.GetAsync("/api/console/wallboard/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        await using var stream = await events.Content.ReadAsStreamAsync();
        var caller = SippRunner.RunFromAsync(
            TelephonyCluster.TrunkAddress, TelephonyCluster.SipEndPoint(hostB), "builtin:uac", "u1", 1, "-s", "12345", "-d", "20000");
        var onA = await ReadSnapshotAsync(stream, s => Waiting(s, "general") == 1, "the call queued on host B in host A's wallboard stream");
        var callResult = await caller;

        var agentOnB = Agent(onB, "4001")!.Value;
        Assert.Equal("示忙", agentOnB.GetProperty("label").GetString());
        Assert.Equal(onA.GetProperty("host").GetString(), agentOnB.GetProperty("host").GetString());
        Assert.NotEqual(onB.GetProperty("host").GetString(), agentOnB.GetProperty("host").GetString());
        Assert.Equal(1, Waiting(onA, "general"));
        Assert.Contains(onA.GetProperty("agents").EnumerateArray(), a => a.GetProperty("id").GetString() == "4001");
        Assert.True(callResult.ExitCode == 0, callResult.ToString());

        // The agent's workspace and the supervisor's wallboard are open on host B; the agent's state lives on host A.
        var agentToken = await cluster.TokenAsync("4001", "agent");
        using var agentOnHostB = TelephonyCluster.Client(hostB, agentToken);
        using (var ready = await agentOnHostB.PostAsync("/api/console/agent/state", Json("""{"state":"READY"}""")))
        {
            Assert.True(ready.IsSuccessStatusCode, $"{ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
        }

        await TelephonyCluster.WallboardWhenAsync(
            clientB, s => Agent(s, "4001") is { } a && a.GetProperty("state").GetString() == "Ready", "agent 4001 READY on host B's wallboard");
        using (var forced = await clientB.PostAsync("/api/console/supervisor/agents/4001/not-ready", Json("""{"reason":"培训"}""")))
        {
            Assert.True(forced.IsSuccessStatusCode, $"{forced.StatusCode}: {await forced.Content.ReadAsStringAsync()}");
        }

        var onAAfter = await TelephonyCluster.WallboardWhenAsync(
            clientA, s => Agent(s, "4001") is { } a && a.GetProperty("state").GetString() == "NotReady", "agent 4001 set NOT_READY by host B's supervisor, on host A's wallboard");
        var forcedAgent = Agent(onAAfter, "4001")!.Value;
        Assert.Equal("值班长 wb-boss 置忙：培训", forcedAgent.GetProperty("reason").GetString());
        Assert.Equal(onAAfter.GetProperty("host").GetString(), forcedAgent.GetProperty("host").GetString());

        // An agent no host has is still refused, with the console's reason.
        using var nobody = await clientB.PostAsync("/api/console/supervisor/agents/4999/not-ready", Json("""{"reason":"培训"}"""));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    private static JsonElement? Agent(JsonElement snapshot, string id) => TelephonyCluster.Agent(snapshot, id);

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static int Waiting(JsonElement snapshot, string queue) =>
        snapshot.GetProperty("queues").EnumerateArray().Where(q => q.GetProperty("queueId").GetString() == queue).Select(q => q.GetProperty("waiting").GetInt32()).FirstOrDefault();

    /// <summary>Reads the Server-Sent Events until a snapshot meets the condition.</summary>
    private static async Task<JsonElement> ReadSnapshotAsync(Stream stream, Func<JsonElement, bool> condition, string what)
    {
        using var cancel = new CancellationTokenSource(TelephonyCluster.Patience);
        using var reader = new StreamReader(stream);
        string? last = null;
        try
        {
            while (await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                last = line["data: ".Length..];
                var snapshot = JsonDocument.Parse(last).RootElement;
                if (snapshot.ValueKind == JsonValueKind.String)
                {
                    snapshot = JsonDocument.Parse(snapshot.GetString()!).RootElement;
                }

                if (condition(snapshot))
                {
                    return snapshot.Clone();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }

        throw new TimeoutException($"the stream never showed {what}; last: {last}");
    }
}
