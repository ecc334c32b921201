using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>AgentDesk's unary commands: who may call, what reaches the call center, and how its refusals map.</summary>
public sealed class AgentDeskCommandTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Fact]
    public async Task SetState_NoToken_UnauthenticatedAndNothingDone()
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready }, token: null);

        Assert.Equal(StatusCode.Unauthenticated, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.DepartmentToken, "departments use DepartmentDesk")]
    [InlineData(TestTokenValidator.EditorToken, "not the role Editor")]
    public async Task SetState_NotAnAgent_PermissionDeniedAndNothingDone(string token, string reason)
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready }, token);

        Assert.Equal(StatusCode.PermissionDenied, response.Status);
        Assert.Contains(reason, response.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.StaffToken, "SetReady S01")]
    [InlineData(TestTokenValidator.SupervisorToken, "SetReady S02")]
    public async Task SetState_Ready_ActsOnTheTokensOwnStaffId(string token, string expected)
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready, Reason = "ignored" }, token);

        Assert.Equal(StatusCode.OK, response.Status);
        response.Single(ApiV1.SetStateResponse.Parser);
        Assert.Equal([expected], _api.CallCenter.Commands);
    }

    [Fact]
    public async Task SetState_NotReadyWithReason_PassesTheReason()
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady, Reason = "午休" });

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal(["SetNotReady S01 午休"], _api.CallCenter.Commands);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetState_NotReadyWithoutReason_InvalidArgumentNamingReason(string reason)
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady, Reason = reason });

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal("reason: is required for AGENT_STATE_NOT_READY", response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task SetState_ReasonTooLongOrWithControls_InvalidArgumentNamingReason()
    {
        var tooLong = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady, Reason = new string('x', 201) });
        var control = await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady, Reason = "break\r\nX-Evil: 1" });

        Assert.Equal(StatusCode.InvalidArgument, tooLong.Status);
        Assert.StartsWith("reason: ", tooLong.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, control.Status);
        Assert.StartsWith("reason: ", control.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(ApiV1.AgentState.Unspecified)]
    [InlineData(ApiV1.AgentState.OnCall)]
    [InlineData(ApiV1.AgentState.Offline)]
    public async Task SetState_NotReadyOrReady_InvalidArgumentNamingState(ApiV1.AgentState state)
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = state, Reason = "x" });

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal("state: must be AGENT_STATE_READY or AGENT_STATE_NOT_READY", response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task SetState_NumberNotDefined_InvalidArgumentFromTheRequestCheck()
    {
        var response = await SetStateAsync(new ApiV1.SetStateRequest { State = (ApiV1.AgentState)99, Reason = "x" });

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal("state: 99 is not a value of AgentState", response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(CallCenterRefusal.NotFound, StatusCode.NotFound)]
    [InlineData(CallCenterRefusal.WrongState, StatusCode.FailedPrecondition)]
    [InlineData(CallCenterRefusal.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(CallCenterRefusal.Unavailable, StatusCode.Unavailable)]
    public async Task EveryCommand_Refused_StatusOfTheRefusalWithItsDetail(CallCenterRefusal refusal, StatusCode expected)
    {
        _api.CallCenter.NextResult = CallCenterResult.Refuse(refusal, $"refused: {refusal}");

        var responses = new[]
        {
            await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready }),
            await SetStateAsync(new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady, Reason = "培训" }),
            await _api.CallAsync("AgentDesk", "Transfer", new ApiV1.TransferRequest { Target = "1002" }, TestTokenValidator.StaffToken),
            await _api.CallAsync("AgentDesk", "Hold", new ApiV1.HoldRequest { Hold = true }, TestTokenValidator.StaffToken),
            await _api.CallAsync("AgentDesk", "EndWrapUp", new ApiV1.EndWrapUpRequest(), TestTokenValidator.StaffToken),
            await _api.CallAsync("AgentDesk", "AddParty", new ApiV1.AddPartyRequest { Number = "12319" }, TestTokenValidator.StaffToken),
            await _api.CallAsync("AgentDesk", "LeaveParty", new ApiV1.LeavePartyRequest(), TestTokenValidator.StaffToken),
        };

        Assert.All(responses, response =>
        {
            Assert.Equal(expected, response.Status);
            Assert.Equal($"refused: {refusal}", response.StatusMessage);
        });
        Assert.Equal(7, _api.CallCenter.Commands.Count);
    }

    [Theory]
    [InlineData(false, "Transfer S01 1002 blind")]
    [InlineData(true, "Transfer S01 1002 attended")]
    public async Task Transfer_Target_ReachesTheCallCenterForTheCallersOwnCall(bool attended, string expected)
    {
        var response = await _api.CallAsync(
            "AgentDesk", "Transfer", new ApiV1.TransferRequest { Target = "1002", Attended = attended }, TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.OK, response.Status);
        response.Single(ApiV1.TransferResponse.Parser);
        Assert.Equal([expected], _api.CallCenter.Commands);
    }

    [Fact]
    public async Task Transfer_NoTarget_InvalidArgumentNamingTarget()
    {
        var response = await _api.CallAsync("AgentDesk", "Transfer", new ApiV1.TransferRequest(), TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal("target: is required", response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task HoldAndEndWrapUp_Agent_ReachTheCallCenter()
    {
        var hold = await _api.CallAsync("AgentDesk", "Hold", new ApiV1.HoldRequest { Hold = true }, TestTokenValidator.StaffToken);
        var resume = await _api.CallAsync("AgentDesk", "Hold", new ApiV1.HoldRequest { Hold = false }, TestTokenValidator.StaffToken);
        var wrapUp = await _api.CallAsync("AgentDesk", "EndWrapUp", new ApiV1.EndWrapUpRequest(), TestTokenValidator.StaffToken);

        Assert.Equal([StatusCode.OK, StatusCode.OK, StatusCode.OK], new[] { hold.Status, resume.Status, wrapUp.Status });
        Assert.Equal(["Hold S01 True", "Hold S01 False", "EndWrapUp S01"], _api.CallCenter.Commands);
    }

    [Fact]
    public async Task AddPartyAndLeaveParty_Agent_ReachTheCallCenterForTheCallersOwnCall()
    {
        var add = await _api.CallAsync("AgentDesk", "AddParty", new ApiV1.AddPartyRequest { Number = " 12319 " }, TestTokenValidator.SupervisorToken);
        var leave = await _api.CallAsync("AgentDesk", "LeaveParty", new ApiV1.LeavePartyRequest(), TestTokenValidator.SupervisorToken);

        Assert.Equal([StatusCode.OK, StatusCode.OK], new[] { add.Status, leave.Status });
        Assert.Equal(["AddParty S02 12319", "LeaveParty S02"], _api.CallCenter.Commands);
    }

    [Fact]
    public async Task AddParty_NoNumber_InvalidArgumentNamingNumber()
    {
        var response = await _api.CallAsync("AgentDesk", "AddParty", new ApiV1.AddPartyRequest(), TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.StartsWith("number: ", response.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task AddParty_Department_PermissionDenied()
    {
        var response = await _api.CallAsync("AgentDesk", "AddParty", new ApiV1.AddPartyRequest { Number = "12319" }, TestTokenValidator.DepartmentToken);

        Assert.Equal(StatusCode.PermissionDenied, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task Hold_Department_PermissionDenied()
    {
        var response = await _api.CallAsync("AgentDesk", "Hold", new ApiV1.HoldRequest { Hold = true }, TestTokenValidator.DepartmentToken);

        Assert.Equal(StatusCode.PermissionDenied, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    private Task<GrpcResult> SetStateAsync(ApiV1.SetStateRequest request, string? token = TestTokenValidator.StaffToken) =>
        _api.CallAsync("AgentDesk", "SetState", request, token);
}
