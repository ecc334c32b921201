using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>AgentDesk's consultation commands: the agent acted on is the token's own, bad targets, who may call, and the refusals' statuses.</summary>
public sealed class AgentDeskConsultTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Theory]
    [InlineData(TestTokenValidator.StaffToken, "S01")]
    [InlineData(TestTokenValidator.SupervisorToken, "S02")]
    public async Task ConsultCompleteCancel_ActOnTheTokensOwnAgent(string token, string agent)
    {
        var responses = new[]
        {
            await _api.CallAsync("AgentDesk", "Consult", new ApiV1.ConsultRequest { Target = " 1002 " }, token),
            await _api.CallAsync("AgentDesk", "CompleteTransfer", new ApiV1.CompleteTransferRequest(), token),
            await _api.CallAsync("AgentDesk", "CancelConsult", new ApiV1.CancelConsultRequest(), token),
        };

        Assert.All(responses, r => Assert.Equal(StatusCode.OK, r.Status));
        Assert.Equal([$"Consult {agent} 1002", $"CompleteTransfer {agent}", $"CancelConsult {agent}"], _api.CallCenter.Commands);
    }

    [Theory]
    [InlineData("", "target: is required")]
    [InlineData("   ", "target: is required")]
    [InlineData("10\u000102", "target: must be at most 64 characters without control characters")]
    public async Task Consult_BadTarget_InvalidArgumentNamingTargetAndNothingDone(string target, string message)
    {
        var response = await _api.CallAsync("AgentDesk", "Consult", new ApiV1.ConsultRequest { Target = target }, TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal(message, response.StatusMessage);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task Consult_TargetTooLong_InvalidArgument()
    {
        var response = await _api.CallAsync("AgentDesk", "Consult", new ApiV1.ConsultRequest { Target = new string('1', 65) }, TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.StartsWith("target: ", response.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData(TestTokenValidator.EditorToken, StatusCode.PermissionDenied)]
    [InlineData(null, StatusCode.Unauthenticated)]
    public async Task ConsultCompleteCancel_NotAnAgent_RefusedAndNothingDone(string? token, StatusCode expected)
    {
        var responses = new[]
        {
            await _api.CallAsync("AgentDesk", "Consult", new ApiV1.ConsultRequest { Target = "1002" }, token),
            await _api.CallAsync("AgentDesk", "CompleteTransfer", new ApiV1.CompleteTransferRequest(), token),
            await _api.CallAsync("AgentDesk", "CancelConsult", new ApiV1.CancelConsultRequest(), token),
        };

        Assert.All(responses, r => Assert.Equal(expected, r.Status));
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task CompleteTransfer_NotConsulting_FailedPreconditionNamingTheState()
    {
        _api.CallCenter.NextResult = CallCenterResult.Refuse(CallCenterRefusal.WrongState, "no consultation to complete: it is IDLE");

        var response = await _api.CallAsync("AgentDesk", "CompleteTransfer", new ApiV1.CompleteTransferRequest(), TestTokenValidator.StaffToken);

        Assert.Equal(StatusCode.FailedPrecondition, response.Status);
        Assert.Equal("no consultation to complete: it is IDLE", response.StatusMessage);
    }
}
