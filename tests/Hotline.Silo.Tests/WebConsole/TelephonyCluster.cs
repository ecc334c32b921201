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
/// Two real host processes in one Orleans cluster on the throwaway PostgreSQL, each with its own SIP edge and a trunk
/// at <see cref="TrunkAddress"/>: a test registers an agent's phone (sipp) with one host and reaches the agent through
/// the other. Disposing stops both hosts and deletes their data directory.
/// </summary>
internal sealed partial class TelephonyCluster : IAsyncDisposable
{
    public const string TrunkAddress = "127.0.0.2";

    /// <summary>Bounds a broken run only: polls end as soon as their condition holds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private TelephonyCluster(HostSettingsArgs settings, HostProcess hostA, HostProcess hostB)
    {
        Settings = settings;
        HostA = hostA;
        HostB = hostB;
    }

    public HostSettingsArgs Settings { get; }

    public HostProcess HostA { get; }

    public HostProcess HostB { get; }

    public static async Task<TelephonyCluster> StartAsync(PostgresServerFixture postgres)
    {
        var settings = HostSettingsArgs.Postgres(await postgres.CreateSchemaAsync()) with
        {
            Extra =
            [
                "--Cluster:Provider=postgres", "--Cluster:AdvertisedAddress=127.0.0.1",
                "--Sip:Trunks:0:Name=carrier", $"--Sip:Trunks:0:Address={TrunkAddress}", "--Ivr:Menu:Enabled=false",
            ],
        };
        HostProcess? hostA = null;
        try
        {
            hostA = await HostProcess.StartAsync(settings);
            return new TelephonyCluster(settings, hostA, await HostProcess.StartAsync(settings));
        }
        catch
        {
            if (hostA is not null)
            {
                await hostA.DisposeAsync();
            }

            settings.DeleteDataDir();
            throw;
        }
    }

    public Task<string> TokenAsync(string staffId, string role) => HostProcess.IssueTokenAsync(Settings, "--staff", staffId, "--role", role);

    /// <summary>Adds the agent (general:5) with the host's CLI.</summary>
    public Task AddAgentAsync(string agentId, string password) =>
        HostCli.RunOkAsync(Settings, "agent", "add", "--id", agentId, "--password", password, "--skills", "general:5");

    /// <summary>The agent's phone registers (sipp, digest) with <paramref name="host"/>'s SIP edge only.</summary>
    public static async Task RegisterPhoneAsync(HostProcess host, string agentId, string password)
    {
        var agents = SippRunner.WriteInjectionFile((agentId, password));
        try
        {
            var registered = await SippRunner.RunAsync(SipEndPoint(host), "register-digest.xml", "u1", 1, "-inf", agents);
            Assert.True(registered.ExitCode == 0, registered.ToString());
        }
        finally
        {
            File.Delete(agents);
        }
    }

    /// <summary>An HTTP client for the host's console JSON, signed in with the bearer token.</summary>
    public static HttpClient Client(HostProcess host, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}"), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static IPEndPoint SipEndPoint(HostProcess host)
    {
        var match = SipListening().Match(host.Output);
        Assert.True(match.Success, "the host never logged its SIP port:\n" + host.Output);
        return new IPEndPoint(IPAddress.Loopback, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The agent on a wallboard snapshot, if it is there.</summary>
    public static JsonElement? Agent(JsonElement snapshot, string id) =>
        snapshot.GetProperty("agents").EnumerateArray().Where(a => a.GetProperty("id").GetString() == id).Select(a => (JsonElement?)a).FirstOrDefault();

    /// <summary>Polls the wallboard JSON until the condition holds.</summary>
    public static async Task<JsonElement> WallboardWhenAsync(HttpClient client, Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await WallboardAsync(client);
            if (condition(snapshot))
            {
                return snapshot;
            }

            Assert.True(clock.Elapsed < Patience, $"never saw {what}; last: {snapshot}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await HostA.DisposeAsync();
            await HostB.DisposeAsync();
        }
        finally
        {
            Settings.DeleteDataDir();
        }
    }

    private static async Task<JsonElement> WallboardAsync(HttpClient client)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/api/console/wallboard", cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel.Token)).RootElement.Clone();
    }

    [GeneratedRegex(@"SIP listening on udp 127\.0\.0\.1:(\d+)")]
    private static partial Regex SipListening();
}
