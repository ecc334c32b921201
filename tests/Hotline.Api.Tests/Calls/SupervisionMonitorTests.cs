using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>
/// Supervision.MonitorCall / SetMonitorMode / StopMonitor over the wire: supervisors only, fields checked
/// before anything is done, the call center's refusals as precise statuses, and the supervisor passed on.
/// (The audio of each mode is tested with real phones in Hotline.Telephony.Tests.)
/// </summary>
public sealed class SupervisionMonitorTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Fact]
    public async Task MonitorSwitchStop_Supervisor_ReachTheCallCenterWithWho()
    {
        var monitored = await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { CallId = "c1" });
        var deskPhone = await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { CallId = "c1", Extension = "9001" });
        var whisper = await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1", Mode = ApiV1.MonitorMode.Whisper });
        var barge = await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1", Mode = ApiV1.MonitorMode.Barge });
        var listen = await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1", Mode = ApiV1.MonitorMode.Listen });
        var stopped = await CallAsync("StopMonitor", new ApiV1.StopMonitorRequest { CallId = "c1" });

        Assert.All(new[] { monitored, deskPhone, whisper, barge, listen, stopped }, r => Assert.Equal(StatusCode.OK, r.Status));
        Assert.Equal(
            ["Monitor c1 S02 S02", "Monitor c1 S02 9001", "Mode c1 S02 Whisper", "Mode c1 S02 Barge", "Mode c1 S02 Listen", "Stop c1 S02"],
            _api.SupervisorCalls.Commands);
    }

    [Theory]
    [InlineData(TestTokenValidator.StaffToken, StatusCode.PermissionDenied)]
    [InlineData(TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData(null, StatusCode.Unauthenticated)]
    public async Task EveryMethod_NotASupervisor_RefusedAndNothingDone(string? token, StatusCode expected)
    {
        var results = new[]
        {
            await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { CallId = "c1" }, token),
            await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1", Mode = ApiV1.MonitorMode.Barge }, token),
            await CallAsync("StopMonitor", new ApiV1.StopMonitorRequest { CallId = "c1" }, token),
        };

        Assert.All(results, r => Assert.Equal(expected, r.Status));
        Assert.Empty(_api.SupervisorCalls.Commands);
    }

    [Fact]
    public async Task BadFields_InvalidArgumentNamingThemAndNothingDone()
    {
        var noCall = await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { Extension = "9001" });
        var badCall = await CallAsync("StopMonitor", new ApiV1.StopMonitorRequest { CallId = "c 1" });
        var badExtension = await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { CallId = "c1", Extension = "9001@evil.example" });
        var noMode = await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1" });
        var unknownMode = await CallAsync("SetMonitorMode", new ApiV1.SetMonitorModeRequest { CallId = "c1", Mode = (ApiV1.MonitorMode)42 });

        Assert.Equal(
            [
                (StatusCode.InvalidArgument, "call_id: is required"),
                (StatusCode.InvalidArgument, "call_id: must be 1–256 printable ASCII characters"),
                (StatusCode.InvalidArgument, "extension: must be 1–64 letters, digits, '-', '_' or '.'"),
                (StatusCode.InvalidArgument, "mode: must be MONITOR_MODE_LISTEN, MONITOR_MODE_WHISPER or MONITOR_MODE_BARGE"),
            ],
            new[] { noCall, badCall, badExtension, noMode }.Select(r => (r.Status, r.StatusMessage)));
        Assert.Equal(StatusCode.InvalidArgument, unknownMode.Status);
        Assert.StartsWith("mode", unknownMode.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_api.SupervisorCalls.Commands);
    }

    [Theory]
    [InlineData(CallCenterRefusal.NotFound, StatusCode.NotFound, "no call c1 is in progress")]
    [InlineData(CallCenterRefusal.WrongState, StatusCode.FailedPrecondition, "call c1 is already monitored by supervisor S03")]
    [InlineData(CallCenterRefusal.WrongState, StatusCode.FailedPrecondition, "supervisor phone S02 is not registered")]
    [InlineData(CallCenterRefusal.Unavailable, StatusCode.Unavailable, "the supervisor's phone did not answer: 486 Busy Here")]
    public async Task MonitorCall_Refused_StatusAndDetailOfTheCallCenter(CallCenterRefusal refusal, StatusCode expected, string detail)
    {
        _api.SupervisorCalls.NextResult = CallCenterResult.Refuse(refusal, detail);

        var response = await CallAsync("MonitorCall", new ApiV1.MonitorCallRequest { CallId = "c1" });

        Assert.Equal((expected, detail), (response.Status, response.StatusMessage));
    }

    private Task<GrpcResult> CallAsync(string method, Google.Protobuf.IMessage request, string? token = TestTokenValidator.SupervisorToken) =>
        _api.CallAsync("Supervision", method, request, token);
}
