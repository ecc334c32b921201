using Hotline.Api.Grpc;
using Hotline.Api.Grpc.Framing;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>Bad frames and encodings end the call with a precise status; the server keeps serving.</summary>
public sealed class GrpcServerBadInputTests : IAsyncLifetime
{
    private const string Say = "/hotline.test.v1.Echo/Say";
    private const int MaxMessage = 1024;
    private TestGrpcServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync(configure: o => o.MaxReceiveMessageSize = MaxMessage);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Unary_GarbagePayload_InternalAndServerKeepsServing()
    {
        byte[] garbage = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];

        var response = await _client.SendAsync(Say, new ByteArrayContent(RawGrpcClient.Frame(garbage, compressed: false)));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("EchoRequest", response.StatusMessage);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Unary_BodyEndsInsideFrame_Internal()
    {
        byte[] frame = RawGrpcClient.Frame(new EchoRequest { Text = "cut short" });

        var response = await _client.SendAsync(Say, new ByteArrayContent(frame[..^3]));

        Assert.Equal(StatusCode.Internal, response.Status);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Unary_NotExactlyOneMessage_Internal(int messages)
    {
        byte[] body = Enumerable.Repeat(RawGrpcClient.Frame(new EchoRequest { Text = "x" }), messages).SelectMany(b => b).ToArray();

        var response = await _client.SendAsync(Say, new ByteArrayContent(body));

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task Unary_InvalidCompressedFlag_Internal()
    {
        byte[] frame = RawGrpcClient.Frame(new EchoRequest { Text = "x" });
        frame[0] = 7;

        var response = await _client.SendAsync(Say, new ByteArrayContent(frame));

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task Unary_OversizedMessage_ResourceExhaustedAndServerKeepsServing()
    {
        var big = new EchoRequest { Padding = Google.Protobuf.ByteString.CopyFrom(new byte[MaxMessage * 2]) };

        var response = await _client.UnaryAsync(Say, big);

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Unary_PrefixDeclaresHugeMessage_ResourceExhaustedBeforeTheBodyArrives()
    {
        // Only the prefix of a 100 MB message is sent and the body stays open: the answer can only
        // come from the prefix. The token bounds a broken server, it is not a timing assertion.
        var content = new HeldOpenContent([0, 0x06, 0x40, 0x00, 0x00]);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var response = await _client.SendAsync(Say, content, cancellationToken: guard.Token);

            Assert.Equal(StatusCode.ResourceExhausted, response.Status);
            Assert.Contains("104857600", response.StatusMessage);
        }
        finally
        {
            content.Release();
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Unary_GzipRequest_GzipResponse()
    {
        var request = new EchoRequest { Text = string.Concat(Enumerable.Repeat("压缩 ", 100)) };
        byte[] body = RawGrpcClient.Frame(GzipCodec.Compress(Google.Protobuf.MessageExtensions.ToByteArray(request)), compressed: true);
        var headers = new Dictionary<string, string> { ["grpc-encoding"] = "gzip", ["grpc-accept-encoding"] = "identity,gzip" };

        var response = await _client.SendAsync(Say, new ByteArrayContent(body), headers: headers);

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("gzip", response.Headers["grpc-encoding"]);
        Assert.True(Assert.Single(response.Messages).Compressed);
        Assert.Equal(request.Text, response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task Unary_GzipRequestClientAcceptsOnlyIdentity_IdentityResponse()
    {
        byte[] body = RawGrpcClient.Frame(GzipCodec.Compress(Google.Protobuf.MessageExtensions.ToByteArray(new EchoRequest { Text = "z" })), compressed: true);
        var headers = new Dictionary<string, string> { ["grpc-encoding"] = "gzip", ["grpc-accept-encoding"] = "identity" };

        var response = await _client.SendAsync(Say, new ByteArrayContent(body), headers: headers);

        Assert.False(Assert.Single(response.Messages).Compressed);
        Assert.Equal("z", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task Unary_GzipBombOverLimit_ResourceExhausted()
    {
        var request = new EchoRequest { Padding = Google.Protobuf.ByteString.CopyFrom(new byte[MaxMessage * 100]) };
        byte[] body = RawGrpcClient.Frame(GzipCodec.Compress(Google.Protobuf.MessageExtensions.ToByteArray(request)), compressed: true);

        var response = await _client.SendAsync(Say, new ByteArrayContent(body), headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
    }

    [Fact]
    public async Task Unary_CorruptGzip_Internal()
    {
        byte[] body = RawGrpcClient.Frame("definitely not gzip"u8.ToArray(), compressed: true);

        var response = await _client.SendAsync(Say, new ByteArrayContent(body), headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task Unary_CompressedFlagWithoutEncoding_Internal()
    {
        byte[] body = RawGrpcClient.Frame(GzipCodec.Compress(Google.Protobuf.MessageExtensions.ToByteArray(new EchoRequest())), compressed: true);

        var response = await _client.SendAsync(Say, new ByteArrayContent(body));

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task Unary_UnsupportedEncoding_UnimplementedListingOurs()
    {
        var response = await _client.SendAsync(
            Say, new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest())), headers: new Dictionary<string, string> { ["grpc-encoding"] = "br" });

        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }

    private async Task AssertStillServingAsync()
    {
        var response = await _client.UnaryAsync(Say, new EchoRequest { Text = "ok" });
        Assert.Equal("ok", response.Single(EchoReply.Parser).Text);
    }
}
