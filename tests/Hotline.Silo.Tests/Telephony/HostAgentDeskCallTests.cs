using Grpc.Core;
using Hotline.Api.V1;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Cli;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Telephony;

/// <summary>
/// AgentDesk's own calls (PlaceCall, Consult, CompleteTransfer, CancelConsult) over gRPC against the real host:
/// agent 1001 added by the CLI and registered by sipp, each caller acting as the staff id of its own token.
/// </summary>
public sealed class HostAgentDeskCallTests : IAsyncLifetime
{
    private RunningHost _host = null!;
    private GrpcTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(loadDemo: false);
        _client = new GrpcTestClient(_host.GrpcBase);
        var (code, _, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "s3cret-pw", $"--DataDir={_host.DataDir}"]);
        Assert.True(code == 0, error);
        var agents = SippRunner.WriteInjectionFile(("1001", "s3cret-pw"));
        var registered = await SippRunner.RunAsync(_host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", agents);
        File.Delete(agents);
        Assert.True(registered.ExitCode == 0, registered.ToString());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PlaceCall_TollFraudRulesAndNoTrunk_PreciseStatusesAndNothingDialled()
    {
        var agent = await TokenAsync("1001", StaffRole.Agent);

        var international = await PlaceAsync("0085291234567", agent);
        var premium = await PlaceAsync("16812345678", agent);
        var malformed = await PlaceAsync("138 0013 8000", agent);
        var local = await PlaceAsync("13800138000", agent);

        Assert.Equal((StatusCode.PermissionDenied, "0085291234567 is an international number: agents may not dial it"), (international.Status, international.Message));
        Assert.Equal(StatusCode.PermissionDenied, premium.Status);
        Assert.Contains("Calls:AgentDialPatterns", premium.Message, StringComparison.Ordinal);
        Assert.Equal((StatusCode.InvalidArgument, "number: must be 3 to 20 digits"), (malformed.Status, malformed.Message));
        Assert.Equal((StatusCode.Unavailable, "no trunk is configured for outbound calls"), (local.Status, local.Message));
    }

    [Fact]
    public async Task Consultation_NoCallOrNoPhone_EachAgentOnlyItsOwnStateNamed()
    {
        var registered = await TokenAsync("1001", StaffRole.Agent);
        var unregistered = await TokenAsync("1002", StaffRole.Agent);
        var department = await TokenAsync("jtj", StaffRole.None, CallerKind.Department);

        var consult = await _client.UnaryAsync("AgentDesk", "Consult", new ConsultRequest { Target = "12319" }, ConsultResponse.Parser, registered);
        var complete = await _client.UnaryAsync("AgentDesk", "CompleteTransfer", new CompleteTransferRequest(), CompleteTransferResponse.Parser, registered);
        var cancel = await _client.UnaryAsync("AgentDesk", "CancelConsult", new CancelConsultRequest(), CancelConsultResponse.Parser, unregistered);
        var byDepartment = await _client.UnaryAsync("AgentDesk", "Consult", new ConsultRequest { Target = "1001" }, ConsultResponse.Parser, department);

        Assert.Equal((StatusCode.FailedPrecondition, "agent 1001 has no connected call (it is NOT_READY)"), (consult.Status, consult.Message));
        Assert.Equal((StatusCode.FailedPrecondition, "agent 1001 has no connected call (it is NOT_READY)"), (complete.Status, complete.Message));
        Assert.Equal((StatusCode.NotFound, "agent 1002 has not registered a phone"), (cancel.Status, cancel.Message));
        Assert.Equal(StatusCode.PermissionDenied, byDepartment.Status);
    }

    private Task<GrpcReply<PlaceCallResponse>> PlaceAsync(string number, string token) =>
        _client.UnaryAsync("AgentDesk", "PlaceCall", new PlaceCallRequest { Number = number }, PlaceCallResponse.Parser, token);

    private Task<string> TokenAsync(string id, StaffRole role, CallerKind kind = CallerKind.Staff) =>
        _host.App.Services.GetRequiredService<ITokenStore>().IssueAsync(new Caller(kind, id, role), CancellationToken.None);
}
