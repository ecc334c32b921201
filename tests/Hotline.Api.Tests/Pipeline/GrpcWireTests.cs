using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Pipeline;

/// <summary>
/// What no well-behaved client sends, over raw h2c: every broken frame, encoding or header ends the call with
/// a precise status (README "Status codes") and the server keeps serving.
/// </summary>
public sealed class GrpcWireTests : IAsyncLifetime
{
    private const string Say = "/hotline.test.v1.Echo/Say";
    private TestGrpcServer _server = null!;
    private RawH2cClient _raw = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _raw = new RawH2cClient(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Call_GarbagePayload_InternalAndServerKeepsServing()
    {
        byte[] garbage = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(RawH2cClient.Frame(garbage)));

        Assert.Equal(StatusCode.Internal, answer.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Call_BodyEndsInsideFrame_Internal()
    {
        byte[] frame = RawH2cClient.Frame(new EchoRequest { Text = "cut short" }.ToByteArray());

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(frame[..^3]));

        Assert.Equal(StatusCode.Internal, answer.Status);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Unary_NotExactlyOneMessage_Internal(int messages)
    {
        byte[] body = Enumerable.Repeat(RawH2cClient.Frame(new EchoRequest { Text = "x" }.ToByteArray()), messages).SelectMany(b => b).ToArray();

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(body));

        Assert.Equal(StatusCode.Internal, answer.Status);
    }

    [Fact]
    public async Task Call_InvalidCompressedFlag_Internal()
    {
        byte[] frame = RawH2cClient.Frame(new EchoRequest { Text = "x" }.ToByteArray());
        frame[0] = 7;

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(frame));

        Assert.Equal(StatusCode.Internal, answer.Status);
    }

    [Fact]
    public async Task Call_MessageOver4MiB_ResourceExhaustedAndServerKeepsServing()
    {
        var big = new EchoRequest { Padding = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) };

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(RawH2cClient.Frame(big.ToByteArray())));

        Assert.Equal(StatusCode.ResourceExhausted, answer.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Call_PrefixDeclaresHugeMessage_ResourceExhaustedBeforeTheBodyArrives()
    {
        // Only the prefix of a 100 MB message is sent and the body stays open: the answer can only
        // come from the prefix. The token bounds a broken server, it is not a timing assertion.
        var content = new HeldOpenContent([0, 0x06, 0x40, 0x00, 0x00]);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var answer = await _raw.SendAsync(Say, content, cancellationToken: guard.Token);

            Assert.Equal(StatusCode.ResourceExhausted, answer.Status);
        }
        finally
        {
            content.Release();
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Call_GzipBombOverLimit_ResourceExhausted()
    {
        var request = new EchoRequest { Padding = ByteString.CopyFrom(new byte[20 * 1024 * 1024]) };
        byte[] body = RawH2cClient.Frame(Gzip(request.ToByteArray()), compressed: true);

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(body), Headers(("grpc-encoding", "gzip")));

        Assert.Equal(StatusCode.ResourceExhausted, answer.Status);
    }

    [Fact]
    public async Task Call_GzipRequest_Answered()
    {
        byte[] body = RawH2cClient.Frame(Gzip(new EchoRequest { Text = "压缩" }.ToByteArray()), compressed: true);

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(body), Headers(("grpc-encoding", "gzip")));

        Assert.Equal(StatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Call_CorruptGzip_Internal()
    {
        byte[] body = RawH2cClient.Frame("definitely not gzip"u8.ToArray(), compressed: true);

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(body), Headers(("grpc-encoding", "gzip")));

        Assert.Equal(StatusCode.Internal, answer.Status);
    }

    [Fact]
    public async Task Call_CompressedFlagWithoutEncoding_Internal()
    {
        byte[] body = RawH2cClient.Frame(Gzip(new EchoRequest().ToByteArray()), compressed: true);

        var answer = await _raw.SendAsync(Say, new ByteArrayContent(body));

        Assert.Equal(StatusCode.Internal, answer.Status);
    }

    [Fact]
    public async Task Call_UnsupportedEncoding_UnimplementedListingOurs()
    {
        var answer = await _raw.SendAsync(Say, new ByteArrayContent(RawH2cClient.Frame([])), Headers(("grpc-encoding", "br")));

        Assert.Equal(StatusCode.Unimplemented, answer.Status);
        Assert.Contains("gzip", answer.AcceptEncoding);
    }

    [Theory]
    [InlineData("1.5S")]
    [InlineData("5s")]
    [InlineData("123456789S")]
    [InlineData("S")]
    public async Task Call_MalformedTimeout_InternalNamingTheHeader(string timeout)
    {
        var answer = await _raw.SendAsync(Say, new ByteArrayContent(RawH2cClient.Frame([])), Headers(("grpc-timeout", timeout)));

        Assert.Equal(StatusCode.Internal, answer.Status);
        Assert.Contains("grpc-timeout", answer.StatusMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Call_NotGrpcContentType_415(string contentType)
    {
        var answer = await _raw.SendAsync(Say, new ByteArrayContent(RawH2cClient.Frame([])), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.HttpStatus);
    }

    [Fact]
    public async Task Call_NotPost_405()
    {
        var answer = await _raw.SendAsync(Say, new ByteArrayContent([]), method: HttpMethod.Put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.HttpStatus);
    }

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);

    private static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    private async Task AssertStillServingAsync()
    {
        var reply = await new Echo.EchoClient(_server.Channel).SayAsync(
            new EchoRequest { Text = "ok" }, new Metadata { { "authorization", $"Bearer {TestTokenValidator.StaffToken}" } });
        Assert.Equal("ok", reply.Text);
    }
}
