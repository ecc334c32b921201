using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.Silo.Tests.EndToEnd;
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
public sealed partial class ClusterWallboardTests(PostgresServerFixture postgres)
{
    private const string TrunkAddress = "127.0.0.2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoHosts_AgentOnOneCallOnTheOther_EachWallboardShowsBothAndCommandsReachTheAgentsHost()
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync()) with
        {
            Extra =
            [
                "--Cluster:Provider=postgres", "--Cluster:AdvertisedAddress=127.0.0.1",
                "--Sip:Trunks:0:Name=carrier", $"--Sip:Trunks:0:Address={TrunkAddress}", "--Ivr:Menu:Enabled=false",
            ],
        };
        try
        {
            await using var hostA = await HostProcess.StartAsync(settings);
            await using var hostB = await HostProcess.StartAsync(settings);
            var supervisor = await HostProcess.IssueTokenAsync(settings, "--staff", "wb-boss", "--role", "supervisor");
            await CliAsync(settings, "agent", "add", "--id", "4001", "--password", "phone-secret-4001", "--skills", "general:5");
            using var clientA = Client(hostA, supervisor);
            using var clientB = Client(hostB, supervisor);

            // The agent's phone registers with host A only.
            var agents = SippRunner.WriteInjectionFile(("4001", "phone-secret-4001"));
            var registered = await SippRunner.RunAsync(SipEndPoint(hostA), "register-digest.xml", "u1", 1, "-inf", agents);
            File.Delete(agents);
            Assert.True(registered.ExitCode == 0, registered.ToString());
            var onB = await EventuallyAsync(clientB, s => s.GetProperty("agents").EnumerateArray().Any(a => a.GetProperty("id").GetString() == "4001")
                && s.GetProperty("hosts").GetArrayLength() == 2, "agent 4001 on host B's wallboard");

            // A caller reaches host B's edge and waits in its general queue; host A's wallboard stream shows it.
            using var events = await clientA.GetAsync("/api/console/wallboard/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, events.StatusCode);
            await using var stream = await events.Content.ReadAsStreamAsync();
            var caller = SippRunner.RunFromAsync(TrunkAddress, SipEndPoint(hostB), "builtin:uac", "u1", 1, "-s", "12345", "-d", "20000");
            var onA = await ReadSnapshotAsync(stream, s => Waiting(s, "general") == 1, "the call queued on host B in host A's wallboard stream");
            var callResult = await caller;

            var agentOnB = onB.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "4001");
            Assert.Equal("示忙", agentOnB.GetProperty("label").GetString());
            Assert.Equal(onA.GetProperty("host").GetString(), agentOnB.GetProperty("host").GetString());
            Assert.NotEqual(onB.GetProperty("host").GetString(), agentOnB.GetProperty("host").GetString());
            Assert.Equal(1, Waiting(onA, "general"));
            Assert.Contains(onA.GetProperty("agents").EnumerateArray(), a => a.GetProperty("id").GetString() == "4001");
            Assert.True(callResult.ExitCode == 0, callResult.ToString());

            // The agent's workspace and the supervisor's wallboard are open on host B; the agent's state lives on host A.
            var agentToken = await HostProcess.IssueTokenAsync(settings, "--staff", "4001", "--role", "agent");
            using var agentOnHostB = Client(hostB, agentToken);
            using (var ready = await agentOnHostB.PostAsync("/api/console/agent/state", Json("""{"state":"READY"}""")))
            {
                Assert.True(ready.IsSuccessStatusCode, $"{ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
            }

            await EventuallyAsync(clientB, s => Agent(s, "4001") is { } a && a.GetProperty("state").GetString() == "Ready", "agent 4001 READY on host B's wallboard");
            using (var forced = await clientB.PostAsync("/api/console/supervisor/agents/4001/not-ready", Json("""{"reason":"培训"}""")))
            {
                Assert.True(forced.IsSuccessStatusCode, $"{forced.StatusCode}: {await forced.Content.ReadAsStringAsync()}");
            }

            var onAAfter = await EventuallyAsync(
                clientA, s => Agent(s, "4001") is { } a && a.GetProperty("state").GetString() == "NotReady", "agent 4001 set NOT_READY by host B's supervisor, on host A's wallboard");
            var forcedAgent = Agent(onAAfter, "4001")!.Value;
            Assert.Equal("值班长 wb-boss 置忙：培训", forcedAgent.GetProperty("reason").GetString());
            Assert.Equal(onAAfter.GetProperty("host").GetString(), forcedAgent.GetProperty("host").GetString());

            // An agent no host has is still refused, with the console's reason.
            using var nobody = await clientB.PostAsync("/api/console/supervisor/agents/4999/not-ready", Json("""{"reason":"培训"}"""));
            Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }

    private static JsonElement? Agent(JsonElement snapshot, string id) =>
        snapshot.GetProperty("agents").EnumerateArray().Where(a => a.GetProperty("id").GetString() == id).Select(a => (JsonElement?)a).FirstOrDefault();

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static int Waiting(JsonElement snapshot, string queue) =>
        snapshot.GetProperty("queues").EnumerateArray().Where(q => q.GetProperty("queueId").GetString() == queue).Select(q => q.GetProperty("waiting").GetInt32()).FirstOrDefault();

    private static HttpClient Client(HostProcess host, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}"), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> SnapshotAsync(HttpClient client)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/api/console/wallboard", cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel.Token)).RootElement.Clone();
    }

    /// <summary>Polls the wallboard JSON until the condition holds (the deadline only bounds a broken run).</summary>
    private static async Task<JsonElement> EventuallyAsync(HttpClient client, Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await SnapshotAsync(client);
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(clock.Elapsed < Patience, $"never saw {what}; last: {snapshot}");
            await Task.Delay(200);
        }
    }

    /// <summary>Reads the Server-Sent Events until a snapshot meets the condition.</summary>
    private static async Task<JsonElement> ReadSnapshotAsync(Stream stream, Func<JsonElement, bool> condition, string what)
    {
        using var cancel = new CancellationTokenSource(Patience);
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

    private static IPEndPoint SipEndPoint(HostProcess host)
    {
        var match = SipListening().Match(host.Output);
        Assert.True(match.Success, "the host never logged its SIP port:\n" + host.Output);
        return new IPEndPoint(IPAddress.Loopback, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static async Task CliAsync(HostSettingsArgs settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[SiloPaths.HostAssembly, .. arguments, .. settings.Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await cli.WaitForExitAsync(timeout.Token);
        Assert.True(cli.ExitCode == 0, $"{string.Join(' ', arguments)} exited {cli.ExitCode}: {await output} {await error}");
    }

    [GeneratedRegex(@"SIP listening on udp 127\.0\.0\.1:(\d+)")]
    private static partial Regex SipListening();
}
