using System.Globalization;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Interop;
using Hotline.Telephony.Tests.Registrar;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// Calls an agent's own phone places (INVITE with digest credentials): another agent's extension is rung and
/// bridged, outside numbers pass the toll-fraud rules or are refused with the SIP status that says why.
/// </summary>
[Collection(nameof(SippCollection))]
public sealed class AgentOriginatedCallTests : IDisposable
{
    private readonly AgentCallEdge _edge = new("agent-calls");

    public void Dispose() => _edge.Dispose();

    [Fact]
    public async Task PhoneCallsExtension_OtherAgentRungBridgedAndRecordedWithTheCallingAgent()
    {
        await using var host = await StartAsync();
        var callee = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml", ("1002", "secret1002"));
        await CallCenterAgentTests.WaitForAgentAsync(host, "1002", AgentState.Ready, callee);
        var own = CallCenterAgentTests.StartAgent(host, "agent-answer-until-bye.xml", ("1001", "secret1001"));
        await CallCenterAgentTests.WaitForAgentAsync(host, "1001", AgentState.Ready, own);
        var credentials = SippRunner.WriteInjectionFile(("1001", "secret1001"));

        var caller = await SippRunner.RunAsync(host.EndPoint, "agent-phone-calls.xml", "u1", 1, "-inf", credentials, "-s", "1002", "-auth_uri", $"1002@{host.EndPoint}");

        File.Delete(credentials);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(("1001", "1002", "1001"), (record.Caller, record.Called, record.AnsweredBy));
        Assert.Equal([AgentOriginatedCall.Step], record.IvrPath);
        Assert.Equal((CallDisposition.Answered, HangUpSide.Agent), (record.Disposition, record.HangUpSide));
        Assert.True(File.Exists(record.RecordingPath), record.RecordingPath);
        var results = await Task.WhenAll(callee, own); // 1002 got the edge's BYE when 1001 hung up
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        host.Logs.AssertNoErrors();
    }

    [Theory]
    [InlineData("0085291234567", 403)] // international
    [InlineData("95588", 403)] // paid service number
    [InlineData("1002", 480)] // an agent without a registered phone
    [InlineData("1001", 480)] // itself
    [InlineData("13800138000", 403)] // allowed, but the calling agent's phone is not registered
    [InlineData("nobody", 404)]
    [InlineData("16812345678", 403)] // premium-rate information line
    public async Task PhoneCallsRefused_StatusSaysWhyAndNothingDialled(string target, int status)
    {
        await using var host = await StartAsync();
        using var peer = new UdpPeer(host.EndPoint);
        var uri = $"sip:{target}@hotline.local";
        var challenge = await peer.RequestAsync(peer.Request("INVITE", uri));
        var header = challenge.Headers.GetLines("Proxy-Authenticate").First(c => c.Contains("MD5", StringComparison.Ordinal));
        var authorization = DigestClient.Authorization(header, "1001", "secret1001", "INVITE", uri);

        var response = await peer.RequestAsync(peer.Request("INVITE", uri, "Proxy-Authorization: " + authorization + "\n"));

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(host.Edge.Legs!.Legs);
    }

    private Task<EdgeHost> StartAsync() =>
        _edge.StartAsync(("Sip:Trunks:0:Port", Random.Shared.Next(46000, 48000).ToString(CultureInfo.InvariantCulture)));
}
