using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>Supervision.ListAgents and ListQueues: supervisors only, every field of the live views.</summary>
public sealed class SupervisionLiveViewTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Theory]
    [InlineData("ListAgents", TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    [InlineData("ListAgents", TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData("ListAgents", TestTokenValidator.EditorToken, StatusCode.PermissionDenied)]
    [InlineData("ListAgents", null, StatusCode.Unauthenticated)]
    [InlineData("ListQueues", TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    [InlineData("ListQueues", TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData("ListCalls", TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    [InlineData("GetRecording", TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    public async Task EveryMethod_NotASupervisor_Refused(string method, string? token, StatusCode expected)
    {
        Google.Protobuf.IMessage request = method switch
        {
            "ListAgents" => new ApiV1.ListAgentsRequest(),
            "ListQueues" => new ApiV1.ListQueuesRequest(),
            "ListCalls" => new ApiV1.ListCallsRequest(),
            _ => new ApiV1.GetRecordingRequest { CallId = "c1" },
        };

        var response = await _api.CallAsync("Supervision", method, request, token);

        Assert.Equal(expected, response.Status);
        Assert.Empty(response.Messages);
        Assert.Empty(_api.CallRecords.Lists);
    }

    [Fact]
    public async Task ListAgents_Supervisor_EveryAgentByIdWithItsLiveState()
    {
        _api.CallCenter.Agents.Add(new AgentSnapshot("a2", AgentState.OnCall, null, Since, "call-9", new Dictionary<string, int> { ["general"] = 2, ["english"] = 1 }, 7));
        _api.CallCenter.Agents.Add(new AgentSnapshot("a1", AgentState.NotReady, "午休", Since.AddMinutes(5), null, new Dictionary<string, int>(), 0));

        var response = await _api.CallAsync("Supervision", "ListAgents", new ApiV1.ListAgentsRequest(), TestTokenValidator.SupervisorToken);

        var agents = response.Single(ApiV1.ListAgentsResponse.Parser).Agents;
        Assert.Equal(["a1", "a2"], agents.Select(a => a.AgentId));
        Assert.Equal((ApiV1.AgentState.NotReady, "午休", "", 0), (agents[0].State, agents[0].Reason, agents[0].CallId, agents[0].CallsAnswered));
        Assert.Equal(Since.AddMinutes(5), agents[0].Since.ToDateTimeOffset());
        Assert.Empty(agents[0].Skills);
        Assert.Equal((ApiV1.AgentState.OnCall, "", "call-9", 7), (agents[1].State, agents[1].Reason, agents[1].CallId, agents[1].CallsAnswered));
        Assert.Equal(new Dictionary<string, int> { ["english"] = 1, ["general"] = 2 }, agents[1].Skills);
    }

    [Theory]
    [InlineData(AgentState.Offline, ApiV1.AgentState.Offline)]
    [InlineData(AgentState.Ready, ApiV1.AgentState.Ready)]
    [InlineData(AgentState.NotReady, ApiV1.AgentState.NotReady)]
    [InlineData(AgentState.Ringing, ApiV1.AgentState.Ringing)]
    [InlineData(AgentState.OnCall, ApiV1.AgentState.OnCall)]
    [InlineData(AgentState.WrapUp, ApiV1.AgentState.WrapUp)]
    public async Task ListAgents_EachState_ItsWireValue(AgentState state, ApiV1.AgentState expected)
    {
        _api.CallCenter.Agents.Add(new AgentSnapshot("a1", state, null, Since, null, new Dictionary<string, int>(), 0));

        var response = await _api.CallAsync("Supervision", "ListAgents", new ApiV1.ListAgentsRequest(), TestTokenValidator.SupervisorToken);

        Assert.Equal(expected, Assert.Single(response.Single(ApiV1.ListAgentsResponse.Parser).Agents).State);
    }

    [Fact]
    public async Task ListQueues_Supervisor_EveryQueueAndEstimatedWaitUnsetWhenUnknown()
    {
        _api.CallCenter.Queues.Add(new QueueSnapshot("q-en", "english", 0, TimeSpan.Zero, 0, 0, null));
        _api.CallCenter.Queues.Add(new QueueSnapshot("q-general", "general", 3, TimeSpan.FromSeconds(42.5), 1, 4, TimeSpan.FromSeconds(30)));

        var response = await _api.CallAsync("Supervision", "ListQueues", new ApiV1.ListQueuesRequest(), TestTokenValidator.SupervisorToken);

        var queues = response.Single(ApiV1.ListQueuesResponse.Parser).Queues;
        Assert.Equal(["q-en", "q-general"], queues.Select(q => q.QueueId));
        Assert.Null(queues[0].EstimatedWait);
        Assert.Equal(TimeSpan.Zero, queues[0].LongestWait.ToTimeSpan());
        var general = queues[1];
        Assert.Equal(("general", 3, 1, 4), (general.Skill, general.Waiting, general.ReadyAgents, general.BusyAgents));
        Assert.Equal(TimeSpan.FromSeconds(42.5), general.LongestWait.ToTimeSpan());
        Assert.Equal(TimeSpan.FromSeconds(30), general.EstimatedWait.ToTimeSpan());
    }
}
