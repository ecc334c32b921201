using System.Globalization;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// An agent's own call (AgentDesk.PlaceCall) with real peers: sipp registers agent 1001 and answers as its
/// phone, another sipp is the carrier's callee and checks the caller id the hotline presents.
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class AgentPlacedCallTests : IDisposable
{
    private readonly AgentCallEdge _edge = new("placed");

    public void Dispose() => _edge.Dispose();

    [Fact]
    public async Task PlaceCall_AgentThenCitizenAnswer_BridgedRecordedWithTheAgentAndTheHotlinesNumberShown()
    {
        var trunkPort = Random.Shared.Next(42000, 44000);
        await using var host = await StartAsync(trunkPort);
        var agent = CallCenterAgentTests.StartAgent(host, "agent-answer-hang-up.xml");
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.Ready, agent);
        var citizen = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-callee-checks-caller-id.xml", "u1", 1,
            "-p", trunkPort.ToString(CultureInfo.InvariantCulture));
        await SippRunner.WaitForUdpListenerAsync(trunkPort);
        var calls = host.Services.GetRequiredService<IAgentCalls>();

        var placed = await calls.PlaceCallAsync("1001", "13800138000", CancellationToken.None);

        Assert.True(placed.IsDone, placed.Detail);
        var citizenResult = await citizen;
        Assert.True(citizenResult.ExitCode == 0, citizenResult.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(placed.Detail, record.CallId);
        Assert.Equal(("13800138000", "12345"), (record.Caller, record.Called));
        Assert.Equal((CallDisposition.Answered, "1001"), (record.Disposition, record.AnsweredBy));
        Assert.Equal([HotlineCall.PlacedByAgentStep], record.IvrPath);
        Assert.Equal(HangUpSide.Agent, record.HangUpSide);
        Assert.True(File.Exists(record.RecordingPath), record.RecordingPath);
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, agentResult.ToString());
        host.Logs.AssertNoErrors();
    }

    [Theory]
    [InlineData("0085291234567", CallCenterRefusal.Forbidden)]
    [InlineData("95588", CallCenterRefusal.Forbidden)]
    [InlineData("16812345678", CallCenterRefusal.Forbidden)]
    [InlineData("1380013800a", CallCenterRefusal.InvalidArgument)]
    public async Task PlaceCall_NumberOutsideThePatterns_RefusedAndNothingDialled(string number, CallCenterRefusal expected)
    {
        await using var host = await StartAsync(Random.Shared.Next(42000, 44000));
        var agent = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml");
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.Ready, agent);

        var placed = await host.Services.GetRequiredService<IAgentCalls>().PlaceCallAsync("1001", number, CancellationToken.None);

        Assert.Equal(expected, placed.Refusal);
        Assert.Empty(host.Edge.Legs!.Legs);
        Assert.Equal(AgentState.Ready, host.Services.GetRequiredService<ICallCenter>().ListAgents().Single(a => a.AgentId == "1001").State);
        await agent;
    }

    [Fact]
    public async Task PlaceCall_AgentWithoutAPhone_NotFound()
    {
        await using var host = await StartAsync(Random.Shared.Next(42000, 44000));

        var placed = await host.Services.GetRequiredService<IAgentCalls>().PlaceCallAsync("1001", "13800138000", CancellationToken.None);

        Assert.Equal(CallCenterRefusal.NotFound, placed.Refusal);
        Assert.Contains("1001", placed.Detail, StringComparison.Ordinal);
        Assert.Empty(host.Edge.Legs!.Legs);
    }

    private Task<EdgeHost> StartAsync(int trunkPort) =>
        _edge.StartAsync(("Ivr:SurveyDigitTimeout", "00:00:00.300"), ("Sip:Trunks:0:Port", trunkPort.ToString(CultureInfo.InvariantCulture)));
}
