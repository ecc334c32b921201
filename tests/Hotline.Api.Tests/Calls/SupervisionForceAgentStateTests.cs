using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>Supervision.ForceAgentState (强制示忙 / 强制签出): supervisors only, the supervisor kept in the reason.</summary>
public sealed class SupervisionForceAgentStateTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Theory]
    [InlineData(ApiV1.AgentState.NotReady, "SetNotReady 1001 forced by supervisor S02: 质检抽查")]
    [InlineData(ApiV1.AgentState.Offline, "LogOut 1001 forced by supervisor S02: 质检抽查")]
    public async Task ForceAgentState_Supervisor_ActsOnTheNamedAgentWithWhoInTheReason(ApiV1.AgentState state, string expected)
    {
        var response = await ForceAsync(new ApiV1.ForceAgentStateRequest { AgentId = "1001", State = state, Reason = " 质检抽查 " });

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal([expected], _api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    [InlineData(TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData(null, StatusCode.Unauthenticated)]
    public async Task ForceAgentState_NotASupervisor_RefusedAndNothingDone(string? token, StatusCode expected)
    {
        var response = await ForceAsync(new ApiV1.ForceAgentStateRequest { AgentId = "1001", State = ApiV1.AgentState.Offline, Reason = "x" }, token);

        Assert.Equal(expected, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData("", ApiV1.AgentState.Offline, "r", "agent_id: is required")]
    [InlineData("1001", ApiV1.AgentState.Ready, "r", "state: must be AGENT_STATE_NOT_READY or AGENT_STATE_OFFLINE")]
    [InlineData("1001", ApiV1.AgentState.NotReady, " ", "reason: is required")]
    public async Task ForceAgentState_BadField_InvalidArgumentNamingIt(string agentId, ApiV1.AgentState state, string reason, string message)
    {
        var response = await ForceAsync(new ApiV1.ForceAgentStateRequest { AgentId = agentId, State = state, Reason = reason });

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal(message, response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task ForceAgentState_AgentOnCall_FailedPreconditionWithTheCallCentersDetail()
    {
        _api.CallCenter.NextResult = CallCenterResult.Refuse(CallCenterRefusal.WrongState, "agent 1001 is OnCall with call c1");

        var response = await ForceAsync(new ApiV1.ForceAgentStateRequest { AgentId = "1001", State = ApiV1.AgentState.NotReady, Reason = "r" });

        Assert.Equal(StatusCode.FailedPrecondition, response.Status);
        Assert.Equal("agent 1001 is OnCall with call c1", response.StatusMessage);
    }

    [Fact]
    public async Task ReleaseCall_Supervisor_ReachesTheCallCenterWithWho()
    {
        var released = await _api.CallAsync("Supervision", "ReleaseCall", new ApiV1.ReleaseCallRequest { CallId = "20261207-abc" }, TestTokenValidator.SupervisorToken);
        var byAgent = await _api.CallAsync("Supervision", "ReleaseCall", new ApiV1.ReleaseCallRequest { CallId = "20261207-abc" }, TestTokenValidator.StaffToken);
        var noId = await _api.CallAsync("Supervision", "ReleaseCall", new ApiV1.ReleaseCallRequest(), TestTokenValidator.SupervisorToken);

        Assert.Equal([StatusCode.OK, StatusCode.PermissionDenied, StatusCode.InvalidArgument], new[] { released.Status, byAgent.Status, noId.Status });
        Assert.Equal("call_id: is required", noId.StatusMessage);
        Assert.Equal(["Release 20261207-abc S02"], _api.SupervisorCalls.Commands);
    }

    private Task<GrpcResult> ForceAsync(ApiV1.ForceAgentStateRequest request, string? token = TestTokenValidator.SupervisorToken) =>
        _api.CallAsync("Supervision", "ForceAgentState", request, token);
}
