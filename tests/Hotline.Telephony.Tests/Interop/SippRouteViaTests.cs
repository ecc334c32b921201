using Hotline.Contracts.Agents;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Calls;
using Hotline.Telephony.Tests.Edge;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Interop;

/// <summary>
/// Registrar:RouteVia with real sipp: one sipp process registers agent 1001 with a Contact naming another
/// process's port; a trunk call then rings the agent either at the Contact (that other process answers)
/// or at the REGISTER's source (the registering process answers, the Contact's port hears nothing).
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class SippRouteViaTests : IDisposable
{
    private readonly ShortPrompts _prompts = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("hotline-routevia-");

    public void Dispose()
    {
        _prompts.Dispose();
        _data.Delete(recursive: true);
    }

    [Theory]
    [InlineData("auto", "x-norport")] // RFC 3261: the Contact
    [InlineData("contact", "rport")] // configured: the Contact even though rport asked for the flow
    public async Task TrunkCall_RoutedToContact_AnsweredByTheOtherProcess(string routeVia, string viaParameter)
    {
        await using var host = await StartAsync(routeVia);
        var contactPort = FreeUdpPort();
        var contactPhone = SippRunner.RunAsync(host.EndPoint, "agent-answer-hang-up.xml", "u1", 1, "-p", contactPort.ToString(CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(contactPort);
        var registering = Register(host, contactPort, viaParameter, answering: null);
        await WaitForReadyAsync(host, registering);

        var record = await CallAsync(host);

        Assert.Equal((CallDisposition.Answered, "1001"), (record.Disposition, record.AnsweredBy));
        var answered = await contactPhone;
        Assert.True(answered.ExitCode == 0, answered.ToString());
        var registered = await registering;
        Assert.True(registered.ExitCode == 0, registered.ToString());
        host.Logs.AssertNoErrors();
    }

    [Theory]
    [InlineData("auto", "rport")] // RFC 3581: rport asked for the REGISTER's flow
    [InlineData("source", "x-norport")] // configured
    public async Task TrunkCall_RoutedToSource_AnsweredByTheRegisteringProcess(string routeVia, string viaParameter)
    {
        await using var host = await StartAsync(routeVia);
        using var contactSocket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var contactPort = ((IPEndPoint)contactSocket.Client.LocalEndPoint!).Port;
        var registering = Register(host, contactPort, viaParameter, answering: "agent-answer-hang-up.xml");
        await WaitForReadyAsync(host, registering);

        var record = await CallAsync(host);

        Assert.Equal((CallDisposition.Answered, "1001"), (record.Disposition, record.AnsweredBy));
        Assert.Equal(0, contactSocket.Available);
        var registered = await registering;
        Assert.True(registered.ExitCode == 0, registered.ToString());
        host.Logs.AssertNoErrors();
    }

    private Task<EdgeHost> StartAsync(string routeVia) => EdgeHost.StartAsync(extra: new Dictionary<string, string?>
    {
        ["Ivr:PromptDirectory"] = _prompts.Folder,
        ["Ivr:Menu:Enabled"] = "false",
        ["Ivr:SurveyDigitTimeout"] = "00:00:00.300",
        ["Acd:ReadyOnRegister"] = "true",
        ["Media:DataDirectory"] = _data.FullName,
        ["Registrar:RouteVia"] = routeVia,
        ["Registrar:ProbeIntervalSeconds"] = "0",
    });

    /// <summary>sipp registering 1001 from its own port with the Contact at 127.0.0.1:<paramref name="contactPort"/>.</summary>
    private static Task<SippResult> Register(EdgeHost host, int contactPort, string viaParameter, string? answering)
    {
        var injection = Path.Combine(Path.GetTempPath(), $"agents-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(injection, ["SEQUENTIAL", $"1001;[authentication username=1001 password=secret1001];127.0.0.1:{contactPort};{viaParameter}"]);
        string[] extra = answering is null ? ["-inf", injection] : ["-inf", injection, "-oocsf", SippRunner.ScenarioPath(answering)];
        return SippRunner.RunAsync(host.EndPoint, "agent-register-elsewhere.xml", "u1", 1, extra);
    }

    /// <summary>A trunk caller who waits for the edge's BYE (agent hangs up, the survey hears no key).</summary>
    private static async Task<CallDetailRecord> CallAsync(EdgeHost host)
    {
        var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        return await CallCenterQueueTests.WaitForRecordAsync(host);
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    /// <summary>Polls the wallboard view (not a timing assertion): the deadline only bounds a broken run.</summary>
    private static async Task WaitForReadyAsync(EdgeHost host, Task<SippResult> registering)
    {
        var center = host.Services.GetRequiredService<ICallCenter>();
        for (var attempt = 0; attempt < 300 && !registering.IsCompleted; attempt++)
        {
            if (center.ListAgents().FirstOrDefault(a => a.AgentId == "1001")?.State == AgentState.Ready)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("agent 1001 did not become READY: " + (registering.IsCompleted ? (await registering).ToString() : "still registering"));
    }
}
