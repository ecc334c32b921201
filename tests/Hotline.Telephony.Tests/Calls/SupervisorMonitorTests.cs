using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Hotline.Telephony.Tests.Media.Recording;
using Microsoft.Extensions.DependencyInjection;
using AgentState = Hotline.Contracts.Agents.AgentState;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// Supervisors on a live call with real peers: a sipp trunk caller, a sipp agent phone and a sipp supervisor
/// phone (each registered with digest), their audio on the test's sockets, each party sending its own level.
/// Who hears whom in listen, whisper and barge-in is read from the audio each party receives.
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class SupervisorMonitorTests : IDisposable
{
    private const string Supervisor = "S02";
    private const string SupervisorPhone = "9001";
    private readonly AgentCallEdge _edge = new("monitor");

    public void Dispose() => _edge.Dispose();

    [Fact]
    public async Task Monitor_ListenWhisperBargeListenStop_EachPartyHearsWhomTheModeSays()
    {
        await using var host = await StartAsync();
        var supervision = host.Services.GetRequiredService<ISupervisorCalls>();
        await using var call = await ConnectedTrunkCall.StartAsync(host);
        var (callerAudio, agentAudio, callId) = (call.CallerAudio, call.AgentAudio, call.CallId);
        await using var supervisorAudio = new LevelPhone("127.0.0.1", -3000);
        short a = callerAudio.Level, b = agentAudio.Level, c = supervisorAudio.Level;
        // Two parties, relayed: each hears the other's own stream.
        await agentAudio.HearsStreamAsync(callerAudio.Ssrc);
        await callerAudio.HearsStreamAsync(agentAudio.Ssrc);

        var notRegistered = await supervision.MonitorAsync(callId, Supervisor, SupervisorPhone, CancellationToken.None);
        await using var supervisor = new SippPhone(host.EndPoint, SupervisorPhone, "secret9001", supervisorAudio.Port);
        await CallCenterWaits.RegisteredAsync(host, SupervisorPhone);
        var noSuchCall = await supervision.MonitorAsync("20261207000000-000000000000", Supervisor, SupervisorPhone, CancellationToken.None);
        var nothingToSwitch = await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Barge, CancellationToken.None);
        var agentsOwnPhone = await supervision.MonitorAsync(callId, Supervisor, "1001", CancellationToken.None);

        var monitored = await supervision.MonitorAsync(callId, Supervisor, SupervisorPhone, CancellationToken.None);

        Assert.Equal((CallCenterRefusal.WrongState, $"supervisor phone {SupervisorPhone} is not registered"), (notRegistered.Refusal, notRegistered.Detail));
        Assert.Equal(CallCenterRefusal.NotFound, noSuchCall.Refusal);
        Assert.Equal(CallCenterRefusal.WrongState, nothingToSwitch.Refusal);
        Assert.Equal((CallCenterRefusal.WrongState, $"phone 1001 is the agent's on call {callId}"), (agentsOwnPhone.Refusal, agentsOwnPhone.Detail));
        Assert.True(monitored.IsDone, monitored.Detail);
        Assert.Equal(CallCenterRefusal.WrongState, (await supervision.MonitorAsync(callId, "S03", SupervisorPhone, CancellationToken.None)).Refusal);

        // Listen (监听): the supervisor hears both; caller and agent hear only each other.
        await supervisorAudio.HearsAsync(a + b);
        await agentAudio.HearsAsync(a);
        await callerAudio.HearsAsync(b);

        // Whisper (耳语): the agent hears the supervisor too; the caller still hears only the agent.
        Assert.True((await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Whisper, CancellationToken.None)).IsDone);
        await agentAudio.HearsAsync(a + c);
        callerAudio.Forget();
        await callerAudio.HearsAsync(b, run: 25);
        await supervisorAudio.HearsAsync(a + b);

        // Barge-in (强插): all three talk.
        Assert.True((await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Barge, CancellationToken.None)).IsDone);
        await callerAudio.HearsAsync(b + c);
        await agentAudio.HearsAsync(a + c);
        await supervisorAudio.HearsAsync(a + b);

        // Back to listen, on the same INVITE: nobody hears the supervisor any more.
        Assert.True((await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Listen, CancellationToken.None)).IsDone);
        await callerAudio.HearsAsync(b, run: 25);
        await agentAudio.HearsAsync(a, run: 25);

        // Stop: the supervisor's phone is hung up and the relay passes caller and agent their own streams again.
        Assert.True((await supervision.StopMonitorAsync(callId, Supervisor, CancellationToken.None)).IsDone);
        await agentAudio.HearsStreamAsync(callerAudio.Ssrc);
        await callerAudio.HearsStreamAsync(agentAudio.Ssrc);
        Assert.Equal(CallCenterRefusal.WrongState, (await supervision.StopMonitorAsync(callId, Supervisor, CancellationToken.None)).Refusal);
        Assert.True((await supervision.ReleaseAsync(callId, Supervisor, CancellationToken.None)).IsDone);

        var callerResult = await call.Caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(
            [
                (SupervisorActionKind.MonitorRequested, SupervisorPhone),
                (SupervisorActionKind.MonitorStarted, "listen"),
                (SupervisorActionKind.MonitorModeChanged, "whisper"),
                (SupervisorActionKind.MonitorModeChanged, "barge"),
                (SupervisorActionKind.MonitorModeChanged, "listen"),
                (SupervisorActionKind.MonitorEnded, "stopped by supervisor " + Supervisor),
                (SupervisorActionKind.Released, "released by supervisor " + Supervisor),
            ],
            record.SupervisorActions.Select(x => (x.Action, x.Detail)));
        Assert.All(record.SupervisorActions, x => Assert.Equal(Supervisor, x.SupervisorId));
        Assert.Equal(HangUpSide.System, record.HangUpSide);

        // One recording: the caller on the left; on the right the agent, plus the supervisor only while barged in.
        var frames = RecordedWav.Frames(record.RecordingPath!);
        Assert.Contains(frames, f => f == (a, b));
        Assert.Contains(frames, f => f == (a, (short)(b + c)));
        Assert.DoesNotContain(frames, f => f.Right == c || f.Right == a + b + c);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Monitor_CallTransferred_SupervisorHungUpAndRecordSaysWhy()
    {
        await using var host = await StartAsync();
        var supervision = host.Services.GetRequiredService<ISupervisorCalls>();
        var center = host.Services.GetRequiredService<ICallCenter>();
        await using var call = await ConnectedTrunkCall.StartAsync(host);
        var (callerAudio, agentAudio, callId) = (call.CallerAudio, call.AgentAudio, call.CallId);
        await using var otherAudio = new LevelPhone("127.0.0.1", 2500);
        await using var supervisorAudio = new LevelPhone("127.0.0.1", -3000);
        await using var other = new SippPhone(host.EndPoint, "1002", "secret1002", otherAudio.Port);
        await using var supervisor = new SippPhone(host.EndPoint, SupervisorPhone, "secret9001", supervisorAudio.Port);
        await CallCenterWaits.AgentAsync(host, "1002", AgentState.Ready);
        await CallCenterWaits.RegisteredAsync(host, SupervisorPhone);
        // The supervisor's phone is registered like an agent's; it must not be offered the transferred call.
        Assert.True((await center.SetNotReadyAsync(SupervisorPhone, "supervising", CancellationToken.None)).IsDone);
        Assert.True((await supervision.MonitorAsync(callId, Supervisor, SupervisorPhone, CancellationToken.None)).IsDone);
        await supervisorAudio.HearsAsync(callerAudio.Level + agentAudio.Level);

        Assert.True((await center.TransferAsync("1001", "1002", attended: false, CancellationToken.None)).IsDone);
        await agentAudio.HangUpAsync();

        await CallCenterWaits.AgentAsync(host, "1002", AgentState.OnCall);
        // Caller and the new agent talk through the relay, unmixed.
        await otherAudio.HearsStreamAsync(callerAudio.Ssrc);
        await callerAudio.HearsStreamAsync(otherAudio.Ssrc);
        Assert.Equal(CallCenterRefusal.WrongState, (await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Barge, CancellationToken.None)).Refusal);
        Assert.True((await center.ReleaseCallAsync(callId, "test over", CancellationToken.None)).IsDone);
        Assert.True((await call.Caller).ExitCode == 0);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(
            [SupervisorActionKind.MonitorRequested, SupervisorActionKind.MonitorStarted, SupervisorActionKind.MonitorEnded],
            record.SupervisorActions.Select(x => x.Action));
        Assert.Equal("call transferred", record.SupervisorActions[^1].Detail);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Monitor_SupervisorPhoneIsAReadyAgent_NoCallOfferedWhileMonitoringThenOfferedAfterStop()
    {
        await using var host = await StartAsync();
        var supervision = host.Services.GetRequiredService<ISupervisorCalls>();
        var center = host.Services.GetRequiredService<ICallCenter>();
        await using var call = await ConnectedTrunkCall.StartAsync(host);
        var (callerAudio, agentAudio, callId) = (call.CallerAudio, call.AgentAudio, call.CallId);
        await using var secondCallerAudio = new LevelPhone(EdgeHost.TrunkAddress, 1500);
        await using var supervisorAudio = new LevelPhone("127.0.0.1", -3000);
        // The supervisor's phone is an agent's too, READY (Acd:ReadyOnRegister): the ACD would ring it.
        await using var supervisor = new SippPhone(host.EndPoint, SupervisorPhone, "secret9001", supervisorAudio.Port);
        await CallCenterWaits.AgentAsync(host, SupervisorPhone, AgentState.Ready);
        Assert.True((await supervision.MonitorAsync(callId, Supervisor, SupervisorPhone, CancellationToken.None)).IsDone);
        await supervisorAudio.HearsAsync(callerAudio.Level + agentAudio.Level);

        var secondCaller = ConnectedTrunkCall.Dial(host, secondCallerAudio);

        // The second call waits in the queue: the only agent not talking is monitoring.
        var secondId = await CallCenterWaits.WaitingCallAsync(host);
        var whileMonitoring = center.ListAgents().Single(x => x.AgentId == SupervisorPhone);
        Assert.Equal((AgentState.OnCall, callId + "/monitor"), (whileMonitoring.State, whileMonitoring.CallId));
        Assert.NotEqual(callId, secondId);

        // Once monitoring stops the supervisor's phone is free again and takes the waiting call.
        Assert.True((await supervision.StopMonitorAsync(callId, Supervisor, CancellationToken.None)).IsDone);
        await CallCenterWaits.AgentOnCallAsync(host, SupervisorPhone, secondId);
        await supervisorAudio.HearsStreamAsync(secondCallerAudio.Ssrc);

        Assert.True((await supervision.ReleaseAsync(callId, Supervisor, CancellationToken.None)).IsDone);
        Assert.True((await supervision.ReleaseAsync(secondId, Supervisor, CancellationToken.None)).IsDone);
        Assert.True((await call.Caller).ExitCode == 0);
        Assert.True((await secondCaller).ExitCode == 0);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Monitor_AgentHolds_MonitoringEndsAndTheRecordSaysWhy()
    {
        await using var host = await StartAsync();
        var supervision = host.Services.GetRequiredService<ISupervisorCalls>();
        var center = host.Services.GetRequiredService<ICallCenter>();
        await using var call = await ConnectedTrunkCall.StartAsync(host);
        var (callerAudio, agentAudio, callId) = (call.CallerAudio, call.AgentAudio, call.CallId);
        await using var supervisorAudio = new LevelPhone("127.0.0.1", -3000);
        await using var supervisor = new SippPhone(host.EndPoint, SupervisorPhone, "secret9001", supervisorAudio.Port);
        await CallCenterWaits.RegisteredAsync(host, SupervisorPhone);
        Assert.True((await supervision.MonitorAsync(callId, Supervisor, SupervisorPhone, CancellationToken.None)).IsDone);
        Assert.True((await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Barge, CancellationToken.None)).IsDone);
        await callerAudio.HearsAsync(agentAudio.Level + supervisorAudio.Level);

        Assert.True((await center.HoldAsync("1001", true, CancellationToken.None)).IsDone);

        Assert.Equal(CallCenterRefusal.WrongState, (await supervision.SetMonitorModeAsync(callId, Supervisor, MonitorMode.Listen, CancellationToken.None)).Refusal);
        Assert.True((await supervision.ReleaseAsync(callId, Supervisor, CancellationToken.None)).IsDone);
        Assert.True((await call.Caller).ExitCode == 0);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(
            [(SupervisorActionKind.MonitorEnded, "call on hold"), (SupervisorActionKind.Released, "released by supervisor " + Supervisor)],
            record.SupervisorActions.Skip(3).Select(x => (x.Action, x.Detail)));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Monitor_CallWaitingInQueue_RefusedAsNotConnected()
    {
        await using var host = await StartAsync();
        var supervision = host.Services.GetRequiredService<ISupervisorCalls>();
        await using var callerAudio = new LevelPhone(EdgeHost.TrunkAddress, 1000);
        // Agent 1001 is registered but not ready: the call waits in the queue.
        await using var agent = new SippPhone(host.EndPoint, "1001", "secret1001", 9);
        await CallCenterWaits.AgentAsync(host, "1001", AgentState.Ready);
        var center = host.Services.GetRequiredService<ICallCenter>();
        Assert.True((await center.SetNotReadyAsync("1001", "break", CancellationToken.None)).IsDone);
        var caller = ConnectedTrunkCall.Dial(host, callerAudio);
        var callId = await CallCenterWaits.WaitingCallAsync(host);

        var refused = await supervision.MonitorAsync(callId, Supervisor, "1001", CancellationToken.None);

        Assert.Equal((CallCenterRefusal.WrongState, $"call {callId} is not connected to an agent"), (refused.Refusal, refused.Detail));
        Assert.True((await supervision.ReleaseAsync(callId, Supervisor, CancellationToken.None)).IsDone);
        Assert.True((await caller).ExitCode == 0);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal([(SupervisorActionKind.Released, Supervisor)], record.SupervisorActions.Select(x => (x.Action, x.SupervisorId)));
    }

    private Task<EdgeHost> StartAsync() =>
        _edge.StartAsync(("Registrar:Agents:2:AgentId", SupervisorPhone), ("Registrar:Agents:2:Password", "secret9001"));
}
