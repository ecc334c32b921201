using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Edge;

namespace Hotline.Telephony.Tests.B2bua;

/// <summary>An outgoing leg over the edge's real transport to a phone that is not there.</summary>
public sealed class OutboundLegTransportTests
{
    [Fact]
    public async Task Start_TcpConnectionRefused_Unreachable503()
    {
        await using var host = await EdgeHost.StartAsync();
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var leg = host.Edge.Legs!.Start(new OutboundLegRequest(
            SipUri.Parse($"sip:1001@127.0.0.1:{port};transport=tcp"), new SipDestination(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, port)),
            "13800138000", null, "sip:1001@hotline.local", new IPEndPoint(IPAddress.Loopback, 40000), TimeSpan.FromSeconds(15)));
        var result = await leg.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(OutboundLegOutcome.Unreachable, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Empty(host.Edge.Legs.Legs);
    }
}
