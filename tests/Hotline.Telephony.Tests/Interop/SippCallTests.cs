using Hotline.Telephony.B2bua;
using Hotline.Telephony.Tests.Edge;

namespace Hotline.Telephony.Tests.Interop;

/// <summary>Calls from sipp playing the carrier trunk (bound to the trunk's address) into the hotline number.</summary>
[Collection(nameof(SippCollection))]
public sealed class SippCallTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task TrunkCall_ToHotline_AnsweredThenCallerHangsUp(string transport)
    {
        await using var host = await EdgeHost.StartAsync();

        // sipp's built-in UAC: INVITE with SDP, 200, ACK, BYE, 200.
        var result = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", transport, 1, "-s", "12345");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(host.Edge.Calls!.Calls);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task TrunkCall_EdgeHangsUp_ByeAnswered200()
    {
        await using var host = await EdgeHost.StartAsync();
        var sipp = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);

        var call = await WaitForConfirmedCallAsync(host, sipp);
        var status = await call.HangUpAsync();
        var result = await sipp;

        Assert.Equal(200, status);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(host.Edge.Calls!.Calls);
    }

    [Fact]
    public async Task TrunkCall_ToOtherNumber_Refused404()
    {
        await using var host = await EdgeHost.StartAsync();

        var result = await SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "0085291234567", "-recv_timeout", "3s");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SIP/2.0 404", result.Errors, StringComparison.Ordinal);
        Assert.Empty(host.Edge.Calls!.Calls);
    }

    private static async Task<InboundCall> WaitForConfirmedCallAsync(EdgeHost host, Task<SippResult> sipp)
    {
        // Polls the call table (not a timing assertion): the deadline only bounds a broken run.
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var call = host.Edge.Calls!.Calls.FirstOrDefault(c => c.State == CallState.Confirmed);
            if (call is not null)
            {
                return call;
            }
            Assert.False(sipp.IsCompleted, "sipp ended before the call was confirmed: " + (sipp.IsCompleted ? sipp.Result.ToString() : string.Empty));
            await Task.Delay(50);
        }
        throw new TimeoutException("no confirmed call");
    }
}
