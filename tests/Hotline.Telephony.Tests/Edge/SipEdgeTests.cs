using Hotline.Telephony.Tests.Registrar;

namespace Hotline.Telephony.Tests.Edge;

public sealed class SipEdgeTests : IAsyncLifetime
{
    private EdgeHost _host = null!;

    public async Task InitializeAsync() => _host = await EdgeHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Options_Answered200WithAllow()
    {
        using var peer = new UdpPeer(_host.EndPoint);

        var response = await peer.RequestAsync(peer.Request("OPTIONS", "sip:hotline.local"));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("REGISTER", response.Headers["Allow"], StringComparison.Ordinal);
        Assert.Equal(peer.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), response.TopVia.Parameters.Get("rport"));
    }

    [Theory]
    [InlineData("SUBSCRIBE", 405)]
    [InlineData("MESSAGE", 405)]
    [InlineData("FROBNICATE", 501)]
    [InlineData("BYE", 481)]
    [InlineData("CANCEL", 481)]
    public async Task UnservedMethods_AnsweredWithRfcStatus(string method, int status)
    {
        using var peer = new UdpPeer(_host.EndPoint);

        var response = await peer.RequestAsync(peer.Request(method, "sip:12345@hotline.local"));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Request_NonSipUri_416()
    {
        using var peer = new UdpPeer(_host.EndPoint);

        var response = await peer.RequestAsync(peer.Request("OPTIONS", "tel:+86-12345"));

        Assert.Equal(416, response.StatusCode);
    }

    [Fact]
    public async Task Request_RequiresExtension_420ListingIt()
    {
        using var peer = new UdpPeer(_host.EndPoint);

        var response = await peer.RequestAsync(peer.Request("REGISTER", "sip:hotline.local", "Require: 100rel, gruu\n"));

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("100rel, gruu", response.Headers["Unsupported"]);
    }

    [Fact]
    public async Task Invite_FromStrangerWithoutCredentials_ChallengedNotConnected()
    {
        using var peer = new UdpPeer(_host.EndPoint);

        var response = await peer.RequestAsync(peer.Request("INVITE", "sip:0085291234567@hotline.local"));

        Assert.Equal(407, response.StatusCode);
        Assert.NotNull(response.Headers["Proxy-Authenticate"]);
    }

    [Fact]
    public async Task Invite_AuthenticatedAgentToOutsideNumber_403()
    {
        using var peer = new UdpPeer(_host.EndPoint);
        var uri = "sip:0085291234567@hotline.local";
        var challenge = await peer.RequestAsync(peer.Request("INVITE", uri));
        var header = challenge.Headers.GetLines("Proxy-Authenticate").First(c => c.Contains("MD5", StringComparison.Ordinal));
        var authorization = DigestClient.Authorization(header, "1001", "secret1001", "INVITE", uri);

        var response = await peer.RequestAsync(peer.Request("INVITE", uri, "Proxy-Authorization: " + authorization + "\n"));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Invite_TrunkToOtherNumber_404AndToHotlineWithoutOffer_488()
    {
        using var trunk = new UdpPeer(_host.EndPoint, EdgeHost.TrunkAddress);

        var outside = await trunk.RequestAsync(trunk.Request("INVITE", "sip:0085291234567@hotline.local"));
        var hotline = await trunk.RequestAsync(trunk.Request("INVITE", "sip:12345@hotline.local"));

        Assert.Equal(404, outside.StatusCode);
        Assert.Equal(488, hotline.StatusCode);
        Assert.Contains("SDP offer", hotline.Headers["Warning"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_Answered400ThenEdgeKeepsServing()
    {
        using var peer = new UdpPeer(_host.EndPoint);

        await peer.SendAsync(peer.Request("OPTIONS", "sip:hotline.local").Replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS", StringComparison.Ordinal));
        var bad = await peer.ReceiveRawAsync();
        var good = await peer.RequestAsync(peer.Request("OPTIONS", "sip:hotline.local"));

        // The 400 echoes the request's CSeq as it came, so it is checked as text (§8.2.6.2).
        Assert.StartsWith("SIP/2.0 400 Bad Request\r\n", bad, StringComparison.Ordinal);
        Assert.Contains("\r\nCSeq: one OPTIONS\r\n", bad, StringComparison.Ordinal);
        Assert.Contains("Warning: 399 hotline \"CSeq is malformed.\"", bad, StringComparison.Ordinal);
        Assert.Equal(200, good.StatusCode);
    }
}
