using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Syntax;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>SIP over TLS at the running edge (Sip:TlsPort), with real TLS clients and with peers that speak no TLS at all.</summary>
public sealed class SipEdgeTlsTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task Options_OverTls_Answered200OnItsOwnPort(string format)
    {
        await using var host = await EdgeHost.StartAsync(extra: format == "pfx" ? _certificate.PfxSettings() : _certificate.PemSettings());
        var tls = host.Edge.TlsEndPoint!;
        using var peer = await TcpPeer.ConnectTlsAsync(tls, _certificate.Thumbprint);

        await peer.SendAsync(peer.Request("OPTIONS", "sip:12345@hotline.local"));
        var response = (SipResponse)SipText.ParseDatagram((await peer.ReceiveAsync())!);

        Assert.NotEqual(host.EndPoint.Port, tls.Port);
        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("SIP/2.0/TLS ", response.Headers.GetLines(SipHeaderNames.Via).Single(), StringComparison.Ordinal);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task NoCertificate_TlsOff_UdpAndTcpServeAsBefore()
    {
        await using var host = await EdgeHost.StartAsync();

        Assert.Null(host.Edge.TlsEndPoint);
        using var peer = await TcpPeer.ConnectAsync(host.EndPoint);
        await peer.SendAsync(peer.Request("OPTIONS", "sip:12345@hotline.local"));
        Assert.StartsWith("SIP/2.0 200 ", await peer.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainSipAndGarbage_OnTlsPort_ClosedWithoutErrorAndTlsStillServed()
    {
        await using var host = await EdgeHost.StartAsync(extra: _certificate.PfxSettings(), minimumLevel: LogLevel.Debug);
        var tls = host.Edge.TlsEndPoint!;
        using var plain = await TcpPeer.ConnectAsync(tls);
        using var garbage = await TcpPeer.ConnectAsync(tls);
        // A TLS record header that announces the largest record, then noise: the edge must not wait or buffer past it.
        var noise = new byte[64 * 1024];
        new Random(13).NextBytes(noise);
        noise[0] = 0x16;
        noise[1] = 0x03;
        noise[2] = 0x01;

        await plain.SendAsync(plain.Request("OPTIONS", "sip:12345@hotline.local"));
        await garbage.SendBytesAsync(noise);

        Assert.True(await plain.IsClosedByEdgeAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await garbage.IsClosedByEdgeAsync(TimeSpan.FromSeconds(10)));
        using var phone = await TcpPeer.ConnectTlsAsync(tls, _certificate.Thumbprint);
        await phone.SendAsync(phone.Request("OPTIONS", "sip:12345@hotline.local"));
        Assert.StartsWith("SIP/2.0 200 ", await phone.ReceiveAsync(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.StartsWith("TLS handshake with", StringComparison.Ordinal));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task StalledHandshake_ClosedAfterFirstRequestTimeout()
    {
        var settings = _certificate.PfxSettings();
        settings["Sip:TcpFirstRequestTimeoutSeconds"] = "1";
        await using var host = await EdgeHost.StartAsync(extra: settings);
        using var silent = await TcpPeer.ConnectAsync(host.Edge.TlsEndPoint!);

        Assert.True(await silent.IsClosedByEdgeAsync(TimeSpan.FromSeconds(30)));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task TruncatedSipVersion_OverTls_Answered400AndClosed()
    {
        await using var host = await EdgeHost.StartAsync(extra: _certificate.PemSettings());
        using var peer = await TcpPeer.ConnectTlsAsync(host.Edge.TlsEndPoint!, _certificate.Thumbprint);

        await peer.SendAsync(peer.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SI\n", StringComparison.Ordinal));

        Assert.StartsWith("SIP/2.0 400 ", await peer.ReceiveAsync(), StringComparison.Ordinal);
        Assert.True(await peer.IsClosedByEdgeAsync(TimeSpan.FromSeconds(10)));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task MissingCertificateFile_StartFails_NamingTheSetting()
    {
        var settings = _certificate.PemSettings();
        settings["Sip:TlsCertificatePath"] = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "edge.pem");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => EdgeHost.StartAsync(extra: settings));

        Assert.Contains("Sip:TlsCertificatePath", failure.Message, StringComparison.Ordinal);
    }
}
