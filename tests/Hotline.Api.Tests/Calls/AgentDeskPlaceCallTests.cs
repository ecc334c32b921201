using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>AgentDesk.PlaceCall: who may call, that the agent is always the token's own, bad numbers, and the refusals' statuses.</summary>
public sealed class AgentDeskPlaceCallTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Theory]
    [InlineData(TestTokenValidator.StaffToken, "PlaceCall S01 13800138000")]
    [InlineData(TestTokenValidator.SupervisorToken, "PlaceCall S02 13800138000")]
    public async Task PlaceCall_Number_PlacedForTheTokensOwnAgentAndAnswersTheCallId(string token, string expected)
    {
        _api.CallCenter.NextResult = new CallCenterResult(null, "20261207-abc");

        var response = await PlaceAsync(" 13800138000 ", token);

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("20261207-abc", response.Single(ApiV1.PlaceCallResponse.Parser).CallId);
        Assert.Equal([expected], _api.CallCenter.Commands);
    }

    [Theory]
    [InlineData("", "number: is required")]
    [InlineData("12", "number: must be 3 to 20 digits")]
    [InlineData("138-0013-8000", "number: must be 3 to 20 digits")]
    [InlineData("+8613800138000", "number: must be 3 to 20 digits")]
    [InlineData("123456789012345678901", "number: must be 3 to 20 digits")]
    public async Task PlaceCall_BadNumber_InvalidArgumentNamingNumberAndNothingDialled(string number, string message)
    {
        var response = await PlaceAsync(number);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.StartsWith(message, response.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.DepartmentToken)]
    [InlineData(TestTokenValidator.EditorToken)]
    public async Task PlaceCall_NotAnAgent_PermissionDeniedAndNothingDialled(string token)
    {
        var response = await PlaceAsync("13800138000", token);

        Assert.Equal(StatusCode.PermissionDenied, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Fact]
    public async Task PlaceCall_NoToken_Unauthenticated()
    {
        var response = await PlaceAsync("13800138000", token: null);

        Assert.Equal(StatusCode.Unauthenticated, response.Status);
        Assert.Empty(_api.CallCenter.Commands);
    }

    [Theory]
    [InlineData(CallCenterRefusal.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(CallCenterRefusal.NotFound, StatusCode.NotFound)]
    [InlineData(CallCenterRefusal.WrongState, StatusCode.FailedPrecondition)]
    [InlineData(CallCenterRefusal.Unavailable, StatusCode.Unavailable)]
    public async Task PlaceCall_Refused_StatusOfTheRefusalWithItsReason(CallCenterRefusal refusal, StatusCode expected)
    {
        _api.CallCenter.NextResult = CallCenterResult.Refuse(refusal, "why: " + refusal);

        var response = await PlaceAsync("13800138000");

        Assert.Equal(expected, response.Status);
        Assert.Equal("why: " + refusal, response.StatusMessage);
    }

    private Task<GrpcResult> PlaceAsync(string number, string? token = TestTokenValidator.StaffToken) =>
        _api.CallAsync("AgentDesk", "PlaceCall", new ApiV1.PlaceCallRequest { Number = number }, token);
}
