using System.Net.Sockets;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Registrar;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>TCP slot exhaustion at the running edge, over real sockets: one source cannot hold every slot.</summary>
public sealed class SipEdgeTcpLimitTests
{
    private const string PhoneAddress = "127.0.0.3";

    [Fact]
    public async Task Register_AfterOneSourceOpened2100IdleConnections_OtherPhoneStillRegistersOverTcp()
    {
        await using var host = await EdgeHost.StartAsync();
        var idle = new List<Socket>();
        try
        {
            for (var batch = 0; batch < 21; batch++)
            {
                var sockets = Enumerable.Range(0, 100).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
                idle.AddRange(sockets);
                // A refused connect is as good as an idle one here: the point is what the phone gets afterwards.
                await Task.WhenAll(sockets.Select(s => s.ConnectAsync(host.EndPoint).ContinueWith(_ => { }, TaskScheduler.Default)));
            }

            using var phone = await TcpPeer.ConnectAsync(host.EndPoint, PhoneAddress);
            var status = await RegisterAsync(phone);

            Assert.Equal(200, status);
            Assert.Contains(host.Changes, c => c.AgentId == "1001" && c.Kind == RegistrationChangeKind.Registered);
            host.Logs.AssertNoErrors();
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Connect_MoreThanPerSourceLimit_ExtraConnectionsClosedByEdge()
    {
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?> { ["Sip:MaxTcpConnectionsPerSource"] = "4" });
        var peers = new List<TcpPeer>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                peers.Add(await TcpPeer.ConnectAsync(host.EndPoint));
            }
            var closed = 0;
            foreach (var peer in peers)
            {
                closed += await peer.IsClosedByEdgeAsync(TimeSpan.FromMilliseconds(500)) ? 1 : 0;
            }

            Assert.Equal(2, closed);
        }
        finally
        {
            peers.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public async Task KeepAlives_WithoutAnyRequest_ConnectionClosedAfterFirstRequestTimeout()
    {
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?> { ["Sip:TcpFirstRequestTimeoutSeconds"] = "1" });
        using var silent = await TcpPeer.ConnectAsync(host.EndPoint);
        using var phone = await TcpPeer.ConnectAsync(host.EndPoint, PhoneAddress);
        Assert.Equal(401, await StatusAsync(phone, phone.Request("REGISTER", "sip:1001@hotline.local", "Contact: <sip:1001@127.0.0.3:5999;transport=tcp>\n")));

        var silentRefused = false;
        for (var i = 0; i < 10; i++)
        {
            // RFC 5626 §4.4.1 double-CRLF keep-alives, every 300 ms for 3 s, on both connections.
            try
            {
                await silent.SendAsync("\n\n");
            }
            catch (IOException)
            {
                silentRefused = true; // the edge closed it: what this test wants
            }
            await phone.SendAsync("\n\n");
            await Task.Delay(300);
        }

        Assert.True(silentRefused || await silent.IsClosedByEdgeAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(200, await StatusAsync(phone, phone.Request("OPTIONS", "sip:12345@hotline.local")));
    }

    private static async Task<int> RegisterAsync(TcpPeer phone)
    {
        const string Uri = "sip:1001@hotline.local";
        var contact = $"Contact: <sip:1001@{phone.LocalEndPoint};transport=tcp>\n";
        var challenge = await ResponseAsync(phone, phone.Request("REGISTER", Uri, contact));
        Assert.Equal(401, challenge.StatusCode);
        var header = challenge.Headers.GetLines(SipHeaderNames.WwwAuthenticate).First(c => c.Contains("MD5", StringComparison.Ordinal));
        var authorization = DigestClient.Authorization(header, "1001", "secret1001", "REGISTER", Uri);
        return (await ResponseAsync(phone, phone.Request("REGISTER", Uri, contact + "Authorization: " + authorization + "\n"))).StatusCode;
    }

    private static async Task<int> StatusAsync(TcpPeer peer, string request) => (await ResponseAsync(peer, request)).StatusCode;

    private static async Task<SipResponse> ResponseAsync(TcpPeer peer, string request)
    {
        await peer.SendAsync(request);
        while (true)
        {
            var text = await peer.ReceiveAsync() ?? throw new InvalidOperationException("edge closed the connection");
            var response = (SipResponse)SipText.ParseDatagram(text);
            if (response.StatusCode >= 200)
            {
                return response;
            }
        }
    }
}
