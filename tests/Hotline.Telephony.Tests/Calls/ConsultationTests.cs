using System.Globalization;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// Consultative transfer with real peers: sipp phones for agents 1001 and 1002, a sipp trunk caller, and a
/// sipp department answering through the trunk.
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class ConsultationTests : IDisposable
{
    private readonly AgentCallEdge _edge = new("consult");

    public void Dispose() => _edge.Dispose();

    [Fact]
    public async Task ConsultAgentThenComplete_CallerWithTheConsultedAgentAndOneRecordingWithTheTransfer()
    {
        await using var host = await StartAsync(Random.Shared.Next(44000, 46000));
        var first = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml", ("1001", "secret1001"));
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.Ready, first);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "6000");
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.OnCall, first);
        var second = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml", ("1002", "secret1002"));
        await CallCenterAgentTests.WaitForAgentAsync(host, "1002", AgentState.Ready, second);
        var consultations = host.Services.GetRequiredService<IConsultations>();
        var center = host.Services.GetRequiredService<ICallCenter>();

        var early = await consultations.CompleteTransferAsync("1001", CancellationToken.None);
        var consulted = await consultations.ConsultAsync("1001", "1002", CancellationToken.None);
        var again = await consultations.ConsultAsync("1001", "1002", CancellationToken.None);
        // The consulted agent cannot steer the consulting agent's call: it has none of its own.
        var byConsulted = await consultations.CancelConsultAsync("1002", CancellationToken.None);
        var completed = await consultations.CompleteTransferAsync("1001", CancellationToken.None);

        Assert.Equal((CallCenterRefusal.WrongState, "no consultation to complete: it is IDLE"), (early.Refusal, early.Detail));
        Assert.True(consulted.IsDone, consulted.Detail);
        Assert.Equal(CallCenterRefusal.WrongState, again.Refusal);
        Assert.Contains("CONSULTING", again.Detail, StringComparison.Ordinal);
        Assert.Equal((CallCenterRefusal.WrongState, "agent 1002 has no connected call (it is ON_CALL)"), (byConsulted.Refusal, byConsulted.Detail));
        Assert.True(completed.IsDone, completed.Detail);
        Assert.Equal(AgentState.OnCall, center.ListAgents().Single(a => a.AgentId == "1002").State);
        var afterwards = await consultations.CancelConsultAsync("1001", CancellationToken.None);
        Assert.Equal(CallCenterRefusal.WrongState, afterwards.Refusal);
        Assert.Contains("has no connected call (it is", afterwards.Detail, StringComparison.Ordinal);
        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal((CallDisposition.Answered, "1001", HangUpSide.Caller), (record.Disposition, record.AnsweredBy, record.HangUpSide));
        var transfer = Assert.Single(record.Transfers);
        Assert.Equal(("1001", "1002", true), (transfer.FromAgentId, transfer.Target, transfer.Attended));
        Assert.True(File.Exists(record.RecordingPath), record.RecordingPath);
        Assert.Single(Directory.GetFiles(_edge.MediaDirectory, "*.wav", SearchOption.AllDirectories));
        var results = await Task.WhenAll(first, second); // 1001 got the edge's BYE at the transfer, 1002 when the caller left
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task ConsultDepartmentThenCancel_DepartmentHungUpAndTheAgentBackWithTheCaller()
    {
        var trunkPort = Random.Shared.Next(44000, 46000);
        await using var host = await StartAsync(trunkPort);
        var agent = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml");
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "6000");
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.OnCall, agent);
        var department = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uas", "u1", 1, "-p", trunkPort.ToString(CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var consultations = host.Services.GetRequiredService<IConsultations>();

        var unknown = await consultations.ConsultAsync("1001", "13900000000", CancellationToken.None);
        var self = await consultations.ConsultAsync("1001", "1001", CancellationToken.None);
        var stranger = await consultations.ConsultAsync("4242", "12319", CancellationToken.None);
        var consulted = await consultations.ConsultAsync("1001", "12319", CancellationToken.None);
        var cancelled = await consultations.CancelConsultAsync("1001", CancellationToken.None);
        var twice = await consultations.CancelConsultAsync("1001", CancellationToken.None);

        Assert.Equal(CallCenterRefusal.InvalidArgument, unknown.Refusal);
        Assert.Equal(CallCenterRefusal.InvalidArgument, self.Refusal);
        Assert.Equal(CallCenterRefusal.NotFound, stranger.Refusal);
        Assert.True(consulted.IsDone, consulted.Detail);
        Assert.True(cancelled.IsDone, cancelled.Detail);
        Assert.Equal((CallCenterRefusal.WrongState, "no consultation to cancel: it is IDLE"), (twice.Refusal, twice.Detail));
        var departmentResult = await department;
        Assert.True(departmentResult.ExitCode == 0, departmentResult.ToString()); // it got the edge's BYE at the cancel
        Assert.Equal(AgentState.OnCall, host.Services.GetRequiredService<ICallCenter>().ListAgents().Single(a => a.AgentId == "1001").State);
        var callerResult = await caller;
        Assert.True(callerResult.ExitCode == 0, callerResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal((CallDisposition.Answered, "1001", HangUpSide.Caller), (record.Disposition, record.AnsweredBy, record.HangUpSide));
        Assert.Empty(record.Transfers);
        await agent;
        host.Logs.AssertNoErrors();
    }

    private Task<EdgeHost> StartAsync(int trunkPort) =>
        _edge.StartAsync(("Calls:DepartmentNumbers:0", "12319"), ("Sip:Trunks:0:Port", trunkPort.ToString(CultureInfo.InvariantCulture)));
}
