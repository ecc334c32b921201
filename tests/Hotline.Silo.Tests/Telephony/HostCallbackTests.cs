using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Cli;
using Hotline.Silo.Tests.Hosting;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Calls;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Telephony;

/// <summary>
/// The scheduler's calls end to end on the real host: its SIP edge calls out through a trunk played by sipp
/// (127.0.0.2), the citizen answers; the host's own sweeps on the real clock, short prompts so calls move fast.
/// </summary>
public sealed class HostCallbackTests : IDisposable
{
    private const string TrunkAddress = "127.0.0.2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly Caller Agent = new(CallerKind.Staff, "agent-01", StaffRole.Agent);

    private readonly ShortPrompts _prompts = new();

    public void Dispose() => _prompts.Dispose();

    [Theory]
    [InlineData("citizen-presses-3-by-info.xml")]
    [InlineData("citizen-presses-3-by-rtp-event.xml")]
    public async Task AutomatedReturnVisit_CitizenPresses3_UnsatisfiedOnTheTicketWhichReopens(string scenario)
    {
        var trunkPort = FreeUdpPort();
        await using var host = await StartHostAsync(trunkPort, "--ReturnVisit:Mode=automated", "--ReturnVisit:Delay=00:00:00");
        var citizen = SippRunner.RunFromAsync(TrunkAddress, host.SipEndPoint, scenario, "u1", 1,
            "-p", Text(trunkPort), "-mp", Text(FreeUdpPort()));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var ticket = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>("RV-1");

        await ticket.CreateAsync(new CreateTicket(Agent, "13812341234", "张三", Category.Complaint, "和平区", "建国路1号", "楼道灯坏了三天", Urgency.Normal));
        await ticket.ResolveDirectlyAsync(new ResolveDirectly(Agent, "已告知办理流程"));
        var sipp = await citizen.WaitAsync(Patience);
        var view = await PollAsync(() => ticket.GetAsync(Agent), v => v.State == TicketState.Reopened, "the ticket reopened");
        var history = await ticket.GetHistoryAsync(new Caller(CallerKind.Staff, "sup-01", StaffRole.Supervisor));

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal(TicketState.Reopened, view.State);
        Assert.Equal(["return_visit_attempted", "return_visit_reached", "callback_recorded"], history.TakeLast(3).Select(e => e.Type));
        Assert.All(history.TakeLast(3), e => Assert.Equal("system:scheduler", e.Actor));
    }

    [Fact]
    public async Task MissedCall_CitizenGaveUpInTheQueue_CalledBackThroughTheTrunkToTheNextAgentAndRecorded()
    {
        var trunkPort = FreeUdpPort();
        await using var host = await StartHostAsync(trunkPort, "--Acd:ReadyOnRegister=true", "--Ivr:Menu:Enabled=false", "--Ivr:SurveyDigitTimeout=00:00:00.3");
        var (code, _, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "s3cret-pw", "--skills", "general:5", $"--DataDir={host.DataDir}"]);
        Assert.True(code == 0, error);
        // The carrier's side of the callback: sipp's built-in UAS answers the edge's INVITE and waits for the BYE.
        var trunk = SippRunner.RunFromAsync(TrunkAddress, host.SipEndPoint, "builtin:uas", "u1", 1, "-p", Text(trunkPort), "-mp", Text(FreeUdpPort()));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var callbacks = host.App.Services.GetRequiredService<ICallbackRequestStore>();

        var missed = await SippRunner.RunFromAsync(TrunkAddress, host.SipEndPoint, "trunk-call-citizen-gives-up.xml", "u1", 1, "-s", "12345", "-mi", TrunkAddress);
        // Found through the call records, not the pending list: the sweep may dial and complete the request before
        // the first look (the citizen's answer completes it; the call then waits for an agent at priority).
        var records = host.App.Services.GetRequiredService<ICallDetailRecordStore>();
        var request = await PollAsync(
            async () => (await records.ListAsync(DateTimeOffset.UnixEpoch, TimeProvider.System.GetUtcNow().AddHours(1), 50, null, CancellationToken.None)).Records.FirstOrDefault(r => r.Callback is not null),
            r => r is not null, "a stored callback request");
        var agent = SippRunner.RunAsync(host.SipEndPoint, "agent-register-stay.xml", "u1", 1,
            "-inf", SippRunner.WriteInjectionFile(("1001", "s3cret-pw")), "-oocsf", SippRunner.ScenarioPath("agent-answer-hang-up.xml"));
        var progress = await PollAsync(async () => (await records.FindAsync(request!.CallId, CancellationToken.None))?.Callback, p => p?.Outcome is not null, "the callback's outcome");
        var callbackCallId = progress!.Outcome!["reached: call ".Length..];
        var callback = await PollAsync(() => records.FindAsync(callbackCallId, CancellationToken.None), r => r is not null, "the callback call's record");

        Assert.True(missed.ExitCode == 0, missed.ToString());
        Assert.Equal(("13800138000", CallbackKind.Abandoned), (request!.Caller, progress.Kind));
        Assert.StartsWith("reached: call ", progress.Outcome, StringComparison.Ordinal);
        var attempt = Assert.Single(progress.Attempts);
        Assert.Equal((1, progress.Outcome), (attempt.Attempt, attempt.Result));
        Assert.Equal(("13800138000", "1001", "general"), (callback!.Caller, callback.AnsweredBy, callback.QueueId));
        Assert.Contains("priority", callback.IvrPath);
        Assert.Empty(await callbacks.ListPendingAsync(10, CancellationToken.None));
        var trunkRun = await trunk.WaitAsync(Patience);
        Assert.True(trunkRun.ExitCode == 0, trunkRun.ToString());
        await agent.WaitAsync(Patience);
    }

    [Fact]
    public async Task MissedCall_AgentFirst_AgentHeldWhileTheCitizenRingsThenTakesTheCallback()
    {
        var trunkPort = FreeUdpPort();
        await using var host = await StartHostAsync(trunkPort, "--Callbacks:Mode=agent-first", "--Acd:ReadyOnRegister=true", "--Ivr:Menu:Enabled=false", "--Ivr:SurveyDigitTimeout=00:00:00.3");
        var (code, _, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "s3cret-pw", "--skills", "general:5", $"--DataDir={host.DataDir}"]);
        Assert.True(code == 0, error);
        // The citizen lets the callback ring three seconds: the agent must be held meanwhile, not after.
        var trunk = SippRunner.RunFromAsync(TrunkAddress, host.SipEndPoint, "trunk-callee-rings-then-answers.xml", "u1", 1, "-p", Text(trunkPort), "-mp", Text(FreeUdpPort()));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var callbacks = host.App.Services.GetRequiredService<ICallbackRequestStore>();
        var center = host.App.Services.GetRequiredService<ICallCenter>();

        var missed = await SippRunner.RunFromAsync(TrunkAddress, host.SipEndPoint, "trunk-call-citizen-gives-up.xml", "u1", 1, "-s", "12345", "-mi", TrunkAddress);
        var request = (await PollAsync(() => callbacks.ListPendingAsync(10, CancellationToken.None), p => p.Count > 0, "a stored callback request"))[0];
        var agent = SippRunner.RunAsync(host.SipEndPoint, "agent-register-stay.xml", "u1", 1,
            "-inf", SippRunner.WriteInjectionFile(("1001", "s3cret-pw")), "-oocsf", SippRunner.ScenarioPath("agent-answer-hang-up.xml"));
        var held = await PollAsync(
            () => Task.FromResult(center.ListAgents().FirstOrDefault(a => a.AgentId == "1001")),
            a => a is { State: AgentState.OnCall, Reason: "held for a callback" }, "agent 1001 held for the callback");
        var records = host.App.Services.GetRequiredService<ICallDetailRecordStore>();
        var progress = await PollAsync(async () => (await records.FindAsync(request.CallId, CancellationToken.None))?.Callback, p => p?.Outcome is not null, "the callback's outcome");
        var callbackCallId = progress!.Outcome!["reached: call ".Length..];
        var callback = await PollAsync(() => records.FindAsync(callbackCallId, CancellationToken.None), r => r is not null, "the callback call's record");

        Assert.True(missed.ExitCode == 0, missed.ToString());
        Assert.Equal(AgentState.OnCall, held!.State);
        Assert.Equal((1, progress.Outcome), (Assert.Single(progress.Attempts).Attempt, progress.Attempts[0].Result));
        Assert.Equal(("13800138000", "1001", "general"), (callback!.Caller, callback.AnsweredBy, callback.QueueId));
        Assert.Equal(("1001", OfferEndReason.Answered), (callback.Offers[0].AgentId, callback.Offers[0].Reason));
        Assert.Empty(await callbacks.ListPendingAsync(10, CancellationToken.None));
        var trunkRun = await trunk.WaitAsync(Patience);
        Assert.True(trunkRun.ExitCode == 0, trunkRun.ToString());
        await agent.WaitAsync(Patience);
    }

    private Task<RunningHost> StartHostAsync(int trunkPort, params string[] settings) =>
        RunningHost.StartAsync(loadDemo: false, extraArgs:
        [
            "--Schedule:QuietHours=", "--Schedule:SweepInterval=00:00:00.5",
            "--Sip:Trunks:0:Name=carrier", $"--Sip:Trunks:0:Address={TrunkAddress}", $"--Sip:Trunks:0:Port={trunkPort}",
            $"--Ivr:PromptDirectory={_prompts.Folder}",
            .. settings,
        ]);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Polls until <paramref name="done"/> holds (not a timing assertion: the deadline only bounds a broken run).</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < Patience, $"no {what} within {Patience}: last {value}");
            await Task.Delay(100);
        }
    }
}
