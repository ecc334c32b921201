using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>Flushing the ban table from many source addresses over real sockets does not lift a ban.</summary>
public sealed class SipEdgeBanTableTests
{
    [Fact]
    public async Task MalformedFromThousandsOfAddresses_AfterABan_BanHeld()
    {
        var extra = new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "3", ["Sip:MaxTrackedSources"] = "500" };
        await using var host = await EdgeHost.StartAsync(extra: extra);
        using var scanner = new UdpPeer(host.EndPoint, "127.0.0.5");
        using var trunk = new UdpPeer(host.EndPoint, EdgeHost.TrunkAddress);
        var truncated = SipText.Wire(scanner.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SI\n", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(400, (await scanner.RequestAsync(System.Text.Encoding.UTF8.GetString(truncated))).StatusCode);
        }

        // 2,000 distinct sources (127.1.0.1 … 127.1.7.250), each sending one malformed datagram: four times the table.
        for (var i = 0; i < 2000; i++)
        {
            using var flooder = new UdpClient(new IPEndPoint(new IPAddress([127, 1, (byte)(i / 250), (byte)((i % 250) + 1)]), 0));
            await flooder.SendAsync(truncated, host.EndPoint);
        }
        await trunk.RequestAsync(trunk.Request("OPTIONS", "sip:12345@hotline.local")); // the edge has read the flood

        await scanner.SendAsync(scanner.Request("OPTIONS", "sip:12345@hotline.local"));
        await Assert.ThrowsAsync<TimeoutException>(scanner.ReceiveRawAsync);
        Assert.Equal(200, (await trunk.RequestAsync(trunk.Request("OPTIONS", "sip:12345@hotline.local"))).StatusCode);
        host.Logs.AssertNoErrors();
    }
}
