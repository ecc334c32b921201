using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Sip.Syntax;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Telephony.Tests.Sip.Transport;

/// <summary>Real loopback sockets against the transport layer; the test's own sockets play the peer.</summary>
public sealed class SipTransportLayerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<SipInbound> _received = Channel.CreateUnbounded<SipInbound>();
    private readonly FakeTimeProvider _time = new();
    private SipTransportLayer _layer = null!;

    public Task InitializeAsync()
    {
        _layer = new SipTransportLayer(new IPEndPoint(IPAddress.Loopback, 0), SipTcpLimits.Default with { MaxConnections = 16 }, _time, new PerSourceRateLimiter(TimeProvider.System, 0), NullLogger.Instance);
        _layer.Start(inbound =>
        {
            _received.Writer.TryWrite(inbound);
            return ValueTask.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _layer.DisposeAsync();

    [Fact]
    public async Task Udp_RequestWithRPort_StampedAndAnsweredToSourcePort()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var register = SipText.Register.Replace("10.0.0.5:5062;branch=z9hG4bK776asdhds;rport", "192.0.2.50:5062;branch=z9hG4bK776asdhds;rport", StringComparison.Ordinal);
        await peer.SendAsync(SipText.Wire(register), _layer.LocalEndPoint);

        var inbound = await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var port = ((IPEndPoint)peer.Client.LocalEndPoint!).Port;
        Assert.Equal("127.0.0.1", inbound.Message.TopVia.Received);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), inbound.Message.TopVia.Parameters.Get("rport"));
        Assert.Equal(port, inbound.ResponseTo.EndPoint.Port);

        var response = SipResponseBuilder.For((SipRequest)inbound.Message, 200).Build();
        await _layer.SendAsync(response, inbound.ResponseTo, CancellationToken.None);
        var answer = await peer.ReceiveAsync().WaitAsync(Patience);
        var parsed = SipText.ParseDatagram(Encoding.UTF8.GetString(answer.Buffer));
        Assert.Equal(200, ((SipResponse)parsed).StatusCode);
        Assert.Equal("127.0.0.1", parsed.TopVia.Received);
    }

    [Fact]
    public async Task Udp_MalformedRequest_Answered400WithWarning()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bad = SipText.Register.Replace("Max-Forwards: 70", "Max-Forwards: 9000", StringComparison.Ordinal)
            .Replace("10.0.0.5:5062;branch=z9hG4bK776asdhds;rport", "127.0.0.1:" + ((IPEndPoint)peer.Client.LocalEndPoint!).Port + ";branch=z9hG4bK1", StringComparison.Ordinal);
        await peer.SendAsync(SipText.Wire(bad), _layer.LocalEndPoint);

        var answer = await peer.ReceiveAsync().WaitAsync(Patience);

        var response = (SipResponse)SipText.ParseDatagram(Encoding.UTF8.GetString(answer.Buffer));
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("843817637684230@998sdasdh09", response.CallId);
        Assert.NotNull(response.To.Tag);
        Assert.Contains("Max-Forwards", response.Headers["Warning"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Udp_GarbageWithoutHeaders_DroppedAndServingContinues()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await peer.SendAsync("\u0001\u0002 not sip at all\r\n\r\n"u8.ToArray(), _layer.LocalEndPoint);
        await peer.SendAsync(SipText.Wire(SipText.Register), _layer.LocalEndPoint);

        var inbound = await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal("REGISTER", ((SipRequest)inbound.Message).Method);
        Assert.Equal(0, peer.Available);
    }

    [Fact]
    public async Task Tcp_TwoMessagesInOneWriteAndOneSplit_DeliveredInOrderAndAnsweredOnSameConnection()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_layer.LocalEndPoint);
        var stream = client.GetStream();
        var invite = SipText.Wire(SipText.InviteWithBody);
        var register = SipText.Wire(SipText.Register);
        await stream.WriteAsync(invite.Concat(register.Take(30)).ToArray());
        await stream.FlushAsync();
        var first = await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await stream.WriteAsync(register.Skip(30).ToArray());
        var second = await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal("INVITE", ((SipRequest)first.Message).Method);
        Assert.Equal("REGISTER", ((SipRequest)second.Message).Method);
        Assert.Equal(first.ConnectionId, second.ConnectionId);

        await _layer.SendAsync(SipResponseBuilder.For((SipRequest)second.Message, 200).Build(), second.ResponseTo, CancellationToken.None);
        var reply = await ReadResponseAsync(stream);
        Assert.StartsWith("SIP/2.0 200 OK\r\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_MissingContentLength_Answered400AndClosed()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_layer.LocalEndPoint);
        var stream = client.GetStream();
        await stream.WriteAsync(SipText.Wire(SipText.Register.Replace("Content-Length: 0\n", "", StringComparison.Ordinal)));

        var reply = await ReadResponseAsync(stream);
        var closed = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Patience);

        Assert.StartsWith("SIP/2.0 400 Bad Request\r\n", reply, StringComparison.Ordinal);
        Assert.Equal(0, closed);
    }

    [Fact]
    public async Task Tcp_SilentLongerThanIdleTimeout_Closed()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_layer.LocalEndPoint);
        var stream = client.GetStream();
        await stream.WriteAsync(SipText.Wire(SipText.Register));
        await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        _time.Advance(TimeSpan.FromSeconds(601));
        var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Patience);

        Assert.Equal(0, read);
    }

    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience);
            Assert.True(read > 0, "connection closed before a response");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}
