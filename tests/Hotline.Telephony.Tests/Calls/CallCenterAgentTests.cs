using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// The whole call path with real peers: sipp registers agent 1001 (digest) and answers as its phone, another
/// sipp plays the trunk caller; the edge queues the call, rings the agent, bridges, records and keeps the CDR.
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class CallCenterAgentTests : IDisposable
{
    private readonly ShortPrompts _prompts = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("hotline-calls-");

    public void Dispose()
    {
        _prompts.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task AgentAnswers_CallerHangsUp_AnsweredRecordedAndAgentWrapsUp()
    {
        await using var host = await StartAsync();
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);

        var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "2000");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(CallDisposition.Answered, record.Disposition);
        Assert.Equal("1001", record.AnsweredBy);
        Assert.Equal(HangUpSide.Caller, record.HangUpSide);
        var offer = Assert.Single(record.Offers);
        Assert.Equal(("1001", OfferEndReason.Answered), (offer.AgentId, offer.Reason));
        Assert.True(record.TalkTime > TimeSpan.Zero, record.ToString());
        Assert.True(File.Exists(record.RecordingPath), record.RecordingPath);
        Assert.StartsWith(_data.FullName, Path.GetFullPath(record.RecordingPath!), StringComparison.Ordinal);
        await WaitForAgentAsync(host, "1001", AgentState.WrapUp, agent);
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, agentResult.ToString());
        await WaitForAgentAsync(host, "1001", AgentState.Offline, null);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task AgentHangsUpFirst_CallerKeptForSurveyThenHungUpByHotline()
    {
        await using var host = await StartAsync(("Ivr:SurveyDigitTimeout", "00:00:00.300"));
        var agent = StartAgent(host, "agent-answer-hang-up.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);

        // The caller waits for the edge's BYE: the survey asks twice, hears no key, and the hotline hangs up.
        var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);

        Assert.True(caller.ExitCode == 0, caller.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(CallDisposition.Answered, record.Disposition);
        Assert.Equal(HangUpSide.Agent, record.HangUpSide);
        Assert.Equal(Hotline.Telephony.Ivr.SurveyResult.None, record.Survey);
        Assert.True(record.EndedAt > record.AnsweredAt + record.TalkTime, "the call outlived the talk: " + record);
        await agent;
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task PlaceCall_CitizenAnswers_QueuedToAgentAndRecordedAsCallToCitizen()
    {
        var trunkPort = Random.Shared.Next(36000, 38000);
        await using var host = await StartAsync(("Ivr:SurveyDigitTimeout", "00:00:00.300"), ("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var agent = StartAgent(host, "agent-answer-hang-up.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        // sipp's built-in UAS plays the carrier: it answers the edge's INVITE and waits for the BYE.
        var trunk = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uas", "u1", 1, "-p", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var outbound = host.Services.GetRequiredService<IOutboundCalls>();

        await SippRunner.WaitForUdpListenerAsync(trunkPort);

        var placed = await outbound.PlaceCallAsync("13800138000", "general", CancellationToken.None);

        Assert.True(placed.IsDone, placed.Detail);
        var trunkResult = await trunk;
        Assert.True(trunkResult.ExitCode == 0, trunkResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(placed.Detail, record.CallId);
        Assert.Equal(("13800138000", "12345"), (record.Caller, record.Called));
        Assert.Equal("1001", record.AnsweredBy);
        Assert.Equal(HangUpSide.Agent, record.HangUpSide);
        Assert.Contains("priority", record.IvrPath);
        await agent;
    }

    [Fact]
    public async Task ReservedCall_CitizenAnswers_AgentHeldBeforeTheDialThenTakesTheCall()
    {
        var trunkPort = Random.Shared.Next(36000, 38000);
        await using var host = await StartAsync(("Ivr:SurveyDigitTimeout", "00:00:00.300"), ("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var agent = StartAgent(host, "agent-answer-hang-up.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var outbound = host.Services.GetRequiredService<IOutboundCalls>();

        var reservation = await outbound.ReserveAgentAsync("general", CancellationToken.None);
        var held = host.Services.GetRequiredService<ICallCenter>().ListAgents().Single(a => a.AgentId == "1001");
        var second = await outbound.ReserveAgentAsync("general", CancellationToken.None);
        var trunk = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uas", "u1", 1, "-p", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var placed = await outbound.PlaceReservedCallAsync("13800138000", "general", reservation!, CancellationToken.None);

        Assert.NotNull(reservation);
        Assert.Equal(AgentState.OnCall, held.State);
        Assert.Null(second);
        Assert.True(placed.IsDone, placed.Detail);
        var trunkResult = await trunk;
        Assert.True(trunkResult.ExitCode == 0, trunkResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(placed.Detail, record.CallId);
        Assert.Equal("1001", record.AnsweredBy);
        Assert.Equal(("1001", OfferEndReason.Answered), (record.Offers[0].AgentId, record.Offers[0].Reason));
        await agent;
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task ReservedCall_CitizenBusy_HeldAgentReadyAgainAndTakesTheNextCall()
    {
        var trunkPort = Random.Shared.Next(36000, 38000);
        await using var host = await StartAsync(("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var outbound = host.Services.GetRequiredService<IOutboundCalls>();
        // The citizen's phone is busy: the trunk answers the edge's INVITE 486.
        var trunk = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "agent-busy.xml", "u1", 1, "-p", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);

        var reservation = await outbound.ReserveAgentAsync("general", CancellationToken.None);
        var placed = await outbound.PlaceReservedCallAsync("13800138000", "general", reservation!, CancellationToken.None);

        Assert.Equal(CallCenterRefusal.Unavailable, placed.Refusal);
        Assert.Contains("486", placed.Detail, StringComparison.Ordinal);
        Assert.True((await trunk).ExitCode == 0);
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        // Released, the agent takes calls again: an inbound caller reaches it.
        var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "2000");
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal("1001", record.AnsweredBy);
        await agent;
    }

    [Fact]
    public async Task DeskTransfer_ToAnotherAgent_SecondAgentTakesTheCallAndTheRecordKeepsBoth()
    {
        await using var host = await StartAsync();
        var first = StartAgent(host, "agent-answer-until-bye.xml", ("1001", "secret1001"));
        await WaitForAgentAsync(host, "1001", AgentState.Ready, first);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "4000");
        await WaitForAgentAsync(host, "1001", AgentState.OnCall, first);
        var second = StartAgent(host, "agent-answer-until-bye.xml", ("1002", "secret1002"));
        await WaitForAgentAsync(host, "1002", AgentState.Ready, second);
        var center = host.Services.GetRequiredService<ICallCenter>();

        var transferred = await center.TransferAsync("1001", "1002", attended: false, CancellationToken.None);

        Assert.True(transferred.IsDone, transferred.Detail);
        await WaitForAgentAsync(host, "1002", AgentState.OnCall, second);
        Assert.Equal(AgentState.WrapUp, center.ListAgents().Single(a => a.AgentId == "1001").State);
        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal("1001", record.AnsweredBy);
        Assert.Equal(["1001", "1002"], record.Offers.Select(o => o.AgentId));
        var transfer = Assert.Single(record.Transfers);
        Assert.Equal(("1001", "1002", false), (transfer.FromAgentId, transfer.Target, transfer.Attended));
        Assert.True(File.Exists(record.RecordingPath));
        await Task.WhenAll(first, second);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task EdgeStops_CallInProgress_BothSidesGetByeAndTheRecordIsKept()
    {
        var host = await StartAsync();
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        await WaitForAgentAsync(host, "1001", AgentState.OnCall, agent);
        var records = host.Services.GetRequiredService<ICallDetailRecordStore>();

        await host.Edge.StopAsync(CancellationToken.None);

        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = Assert.Single((await records.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10, null, CancellationToken.None)).Records);
        Assert.Equal((CallDisposition.Answered, HangUpSide.System), (record.Disposition, record.HangUpSide));
        await host.DisposeAsync();
        await agent;
    }

    [Fact]
    public async Task QueuedCallback_AcceptedByKey_CitizenCalledBackWhenAnAgentIsFree()
    {
        var trunkPort = Random.Shared.Next(38000, 40000);
        await using var host = await StartAsync(("Ivr:SurveyDigitTimeout", "00:00:00.300"), ("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Nobody is working: the caller is offered a callback at once and presses 1 (SIP INFO); the edge confirms and hangs up.
        var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-presses-1-by-info.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var first = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal((CallDisposition.CallbackRequested, "13800138000"), (first.Disposition, first.CallbackNumber));
        Assert.Contains("callback-accepted", first.IvrPath);

        // An agent arrives: the place in line comes up, the edge calls the citizen through the trunk and rings the agent.
        var trunk = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uas", "u1", 1, "-p", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var agent = StartAgent(host, "agent-answer-hang-up.xml");

        var trunkResult = await trunk;
        Assert.True(trunkResult.ExitCode == 0, trunkResult.ToString());
        var callback = await CallCenterQueueTests.WaitForRecordAsync(host, count: 2);
        Assert.Equal(("13800138000", "1001"), (callback.Caller, callback.AnsweredBy));
        var pending = await host.Services.GetRequiredService<ICallbackRequestStore>().ListPendingAsync(10, CancellationToken.None);
        Assert.DoesNotContain(pending, r => r.CallId == first.CallId);
        await agent;
    }

    [Fact]
    public async Task QueuedCallback_InternationalCallerId_KeptFlaggedAndNeverDialled()
    {
        // The trunk's port is a socket of ours: anything the edge dials would arrive here.
        using var trunkListener = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(EdgeHost.TrunkAddress), 0));
        var trunkPort = ((System.Net.IPEndPoint)trunkListener.Client.LocalEndPoint!).Port;
        await using var host = await StartAsync(("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var scenario = SippRunner.ScenarioPath($"intl-caller-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(scenario, (await File.ReadAllTextAsync(SippRunner.ScenarioPath("trunk-call-presses-1-by-info.xml"))).Replace("13800138000", "0085291234567", StringComparison.Ordinal));
        try
        {
            // The caller (an international caller id) presses 1 for a callback; the request is kept, flagged.
            var caller = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, Path.GetFileName(scenario), "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
            Assert.True(caller.ExitCode == 0, caller.ToString());
            var first = await CallCenterQueueTests.WaitForRecordAsync(host);
            Assert.Equal((CallDisposition.CallbackRequested, "0085291234567"), (first.Disposition, first.CallbackNumber));

            // An agent arrives and the place in line comes up: the edge does not dial, the request stays for an agent.
            var agent = StartAgent(host, "agent-answer-hang-up.xml");
            await WaitForLogAsync(host, "is not dialled automatically", count: 2);
            var pending = Assert.Single(await host.Services.GetRequiredService<ICallbackRequestStore>().ListPendingAsync(10, CancellationToken.None));
            Assert.Equal((first.CallId, "0085291234567", true), (pending.CallId, pending.Number, pending.NeedsAgent));
            Assert.Equal("international number (00)", pending.FlagReason);
            Assert.Equal(0, trunkListener.Available);
            Assert.Empty(host.Edge.Legs!.Legs);
            await agent;
            Assert.Equal(0, trunkListener.Available);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task ThreeParty_AgentAddsDepartmentThenLeaves_CallerAndDepartmentGoOn()
    {
        var trunkPort = Random.Shared.Next(40000, 42000);
        await using var host = await StartAsync(("Calls:DepartmentNumbers:0", "12319"), ("Sip:Trunks:0:Port", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "6000");
        await WaitForAgentAsync(host, "1001", AgentState.OnCall, agent);
        // sipp's built-in UAS answers for the department (through the trunk) and stays until the edge's BYE.
        var department = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uas", "u1", 1, "-p", trunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var threeParty = host.Services.GetRequiredService<IThreePartyCalls>();

        Assert.Equal(CallCenterRefusal.InvalidArgument, (await threeParty.AddThirdPartyAsync("1001", "008613800138000", CancellationToken.None)).Refusal);
        var added = await threeParty.AddThirdPartyAsync("1001", "12319", CancellationToken.None);
        Assert.True(added.IsDone, added.Detail);
        var left = await threeParty.LeaveThreePartyAsync("1001", CancellationToken.None);
        Assert.True(left.IsDone, left.Detail);

        await WaitForAgentAsync(host, "1001", AgentState.WrapUp, agent);
        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var departmentResult = await department;
        Assert.True(departmentResult.ExitCode == 0, departmentResult.ToString()); // it got the edge's BYE when the caller left
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal((CallDisposition.Answered, HangUpSide.Caller), (record.Disposition, record.HangUpSide));
        await agent;
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task LogOut_RegisteredAgent_OfflineWithTheReasonUntilItSetsReady()
    {
        await using var host = await StartAsync();
        var center = host.Services.GetRequiredService<ICallCenter>();
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);

        var loggedOut = await center.LogOutAsync("1001", " forced by supervisor S02: 质检 ", CancellationToken.None);

        Assert.True(loggedOut.IsDone, loggedOut.Detail);
        var snapshot = center.ListAgents().Single(a => a.AgentId == "1001");
        Assert.Equal((AgentState.Offline, "forced by supervisor S02: 质检"), (snapshot.State, snapshot.Reason));
        Assert.True((await center.SetReadyAsync("1001", CancellationToken.None)).IsDone);
        Assert.Equal(CallCenterRefusal.InvalidArgument, (await center.LogOutAsync("1001", " ", CancellationToken.None)).Refusal);
        Assert.Equal(CallCenterRefusal.NotFound, (await center.LogOutAsync("4242", "r", CancellationToken.None)).Refusal);
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, agentResult.ToString());
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task ReleaseCall_CallTalking_BothSidesGetByeAndTheRecordSaysSystem()
    {
        await using var host = await StartAsync();
        var center = host.Services.GetRequiredService<ICallCenter>();
        var agent = StartAgent(host, "agent-answer-until-bye.xml");
        await WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        await WaitForAgentAsync(host, "1001", AgentState.OnCall, agent);
        var callId = center.ListAgents().Single(a => a.AgentId == "1001").CallId!;

        var released = await center.ReleaseCallAsync(callId, "released by supervisor S02", CancellationToken.None);

        Assert.True(released.IsDone, released.Detail);
        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal((CallDisposition.Answered, HangUpSide.System), (record.Disposition, record.HangUpSide));
        Assert.Equal(CallCenterRefusal.NotFound, (await center.ReleaseCallAsync(callId, "again", CancellationToken.None)).Refusal);
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, agentResult.ToString());
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task DeskCommands_UnknownAgentOrNoCall_PreciseRefusals()
    {
        await using var host = await StartAsync();
        var center = host.Services.GetRequiredService<ICallCenter>();

        Assert.Equal(CallCenterRefusal.NotFound, (await center.SetReadyAsync("4242", CancellationToken.None)).Refusal);
        Assert.Equal(CallCenterRefusal.InvalidArgument, (await center.SetNotReadyAsync("4242", " ", CancellationToken.None)).Refusal);
        Assert.Equal(CallCenterRefusal.NotFound, (await center.HoldAsync("4242", true, CancellationToken.None)).Refusal);
        Assert.Equal(CallCenterRefusal.NotFound, (await center.TransferAsync("4242", "1002", false, CancellationToken.None)).Refusal);
        Assert.Equal(["business", "english", "general", "utilities"], center.ListQueues().Select(q => q.QueueId));
    }

    [Theory]
    [InlineData("00852 1234", "general")]
    [InlineData("*99#", "general")]
    [InlineData("13800138000", "no-such-queue")]
    public async Task PlaceCall_BadNumberOrQueue_InvalidArgumentAndNothingDialled(string number, string queue)
    {
        await using var host = await StartAsync();

        var placed = await host.Services.GetRequiredService<IOutboundCalls>().PlaceCallAsync(number, queue, CancellationToken.None);

        Assert.Equal(CallCenterRefusal.InvalidArgument, placed.Refusal);
        Assert.Empty(host.Edge.Legs!.Legs);
    }

    /// <summary>Polls the captured log (not a timing assertion): the deadline only bounds a broken run.</summary>
    private static async Task WaitForLogAsync(EdgeHost host, string text, int count)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (host.Logs.Entries.Count(e => e.Message.Contains(text, StringComparison.Ordinal)) >= count)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"'{text}' was not logged {count} times");
    }

    private Task<EdgeHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var extra = new Dictionary<string, string?>
        {
            ["Ivr:PromptDirectory"] = _prompts.Folder,
            ["Ivr:Menu:Enabled"] = "false",
            ["Acd:ReadyOnRegister"] = "true",
            ["Media:DataDirectory"] = _data.FullName,
        };
        foreach (var (key, value) in settings)
        {
            extra[key] = value;
        }
        return EdgeHost.StartAsync(extra: extra);
    }

    internal static Task<SippResult> StartAgent(EdgeHost host, string answering, (string Id, string Password)? agent = null) =>
        SippRunner.RunAsync(host.EndPoint, "agent-register-stay.xml", "u1", 1,
            "-inf", SippRunner.WriteInjectionFile(agent ?? ("1001", "secret1001")),
            "-oocsf", SippRunner.ScenarioPath(answering));

    /// <summary>Polls the wallboard view (not a timing assertion): the deadline only bounds a broken run.</summary>
    internal static async Task WaitForAgentAsync(EdgeHost host, string agentId, AgentState state, Task<SippResult>? agent)
    {
        var center = host.Services.GetRequiredService<ICallCenter>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (center.ListAgents().FirstOrDefault(a => a.AgentId == agentId)?.State == state)
            {
                return;
            }
            if (agent is { IsCompleted: true } && state != AgentState.Offline)
            {
                Assert.Fail("the agent's sipp ended early: " + agent.Result);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"agent {agentId} never became {state}: " + string.Join(", ", center.ListAgents()));
    }
}
