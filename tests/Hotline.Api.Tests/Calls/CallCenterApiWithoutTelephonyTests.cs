using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;
using Hotline.Api.Tests.Support;
using Hotline.Contracts.Agents;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>
/// A host that registers the call center API but not telephony still starts, lists both services by
/// reflection, and answers their calls UNAVAILABLE (after the caller's checks) instead of failing.
/// </summary>
public sealed class CallCenterApiWithoutTelephonyTests : IAsyncLifetime
{
    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync(withTelephony: false);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Calls_NoCallCenter_Unavailable()
    {
        var setState = await _api.CallAsync("AgentDesk", "SetState", new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready }, TestTokenValidator.StaffToken);
        var agents = await _api.CallAsync("Supervision", "ListAgents", new ApiV1.ListAgentsRequest(), TestTokenValidator.SupervisorToken);
        var calls = await _api.CallAsync("Supervision", "ListCalls", new ApiV1.ListCallsRequest
        {
            From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)),
        }, TestTokenValidator.SupervisorToken);

        Assert.Equal([StatusCode.Unavailable, StatusCode.Unavailable, StatusCode.Unavailable], new[] { setState.Status, agents.Status, calls.Status });
        Assert.Contains("not running", setState.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_NoCallCenterButADepartment_StillPermissionDenied()
    {
        var response = await _api.CallAsync("AgentDesk", "SetState", new ApiV1.SetStateRequest { State = ApiV1.AgentState.Ready }, TestTokenValidator.DepartmentToken);

        Assert.Equal(StatusCode.PermissionDenied, response.Status);
    }

    [Fact]
    public async Task Calls_NoCallCenterAndABadField_InvalidArgumentFirst()
    {
        var setState = await _api.CallAsync("AgentDesk", "SetState", new ApiV1.SetStateRequest { State = ApiV1.AgentState.NotReady }, TestTokenValidator.StaffToken);
        var transfer = await _api.CallAsync("AgentDesk", "Transfer", new ApiV1.TransferRequest(), TestTokenValidator.StaffToken);
        var calls = await _api.CallAsync("Supervision", "ListCalls", new ApiV1.ListCallsRequest(), TestTokenValidator.SupervisorToken);

        Assert.Equal([StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument], new[] { setState.Status, transfer.Status, calls.Status });
        Assert.Equal(["reason", "target", "from"], new[] { setState, transfer, calls }.Select(r => r.StatusMessage!.Split(':')[0]));
    }

    [Fact]
    public async Task Reflection_NoCallCenter_ListsAndDescribesBothServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_api.Server.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext());
        var list = call.ResponseStream.Current;
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "hotline.v1.Supervision" });
        Assert.True(await call.ResponseStream.MoveNext());
        var file = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());

        var names = list.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("hotline.v1.AgentDesk", names);
        Assert.Contains("hotline.v1.Supervision", names);
        var protos = file.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Equal("hotline/v1/supervision.proto", protos[0].Name);
        Assert.Contains(protos, p => p.Name == "hotline/v1/call_center.proto");
    }
}
