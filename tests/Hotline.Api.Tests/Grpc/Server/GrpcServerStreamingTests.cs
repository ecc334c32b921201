using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
using Hotline.Api.Grpc.Reflection.V1;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>Server, client and bidirectional streaming, and server reflection, over real Kestrel.</summary>
public sealed class GrpcServerStreamingTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ServerStreaming_Count_EveryMessageInOrderThenOk()
    {
        var response = await _client.UnaryAsync("/hotline.test.v1.Echo/Count", new CountRequest { Count = 5 });

        Assert.Equal([0, 1, 2, 3, 4], response.Messages.Select(m => EchoReply.Parser.ParseFrom(m.Payload).Index));
        Assert.Equal("0", response.Trailers["grpc-status"]);
    }

    [Fact]
    public async Task ServerStreaming_FailsAfterMessages_MessagesThenStatusInTrailers()
    {
        var response = await _client.UnaryAsync(
            "/hotline.test.v1.Echo/Count", new CountRequest { Count = 2, FailCode = (int)StatusCode.Aborted });

        Assert.Equal(2, response.Messages.Count);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal("10", response.Trailers["grpc-status"]);
        Assert.Equal("failed after 2", response.StatusMessage);
    }

    [Fact]
    public async Task ServerStreaming_NoMessages_TrailersOnlyOk()
    {
        var response = await _client.UnaryAsync("/hotline.test.v1.Echo/Count", new CountRequest { Count = 0 });

        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.OK, response.Status);
    }

    [Fact]
    public async Task ClientStreaming_Collect_JoinsEveryRequest()
    {
        byte[] body = new[] { "a", "b", "c" }.SelectMany(t => RawGrpcClient.Frame(new EchoRequest { Text = t })).ToArray();

        var response = await _client.SendAsync("/hotline.test.v1.Echo/Collect", new ByteArrayContent(body));

        var reply = response.Single(EchoReply.Parser);
        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
    }

    [Fact]
    public async Task Duplex_Chat_AnswersEachRequestBeforeTheNextIsSent()
    {
        await using var call = new DuplexCall(_server.Address, "/hotline.test.v1.Echo/Chat", TestTokenValidator.StaffToken);

        await call.SendAsync(new EchoRequest { Text = "first" });
        var first = await call.ReadAsync(EchoReply.Parser);
        await call.SendAsync(new EchoRequest { Text = "second" });
        var second = await call.ReadAsync(EchoReply.Parser);
        await call.CompleteRequestAsync();
        var end = await call.ReadAsync(EchoReply.Parser);

        Assert.Equal(("FIRST", 0), (first!.Text, first.Index));
        Assert.Equal(("SECOND", 1), (second!.Text, second.Index));
        Assert.Null(end);
        Assert.Equal("0", call.Trailer("grpc-status"));
    }

    [Theory]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task Reflection_WithoutToken_ListsServicesAndDescribesThem(string path)
    {
        // v1alpha messages are wire-identical to v1, so v1 types read both.
        await using var call = new DuplexCall(_server.Address, path, token: null);

        await call.SendAsync(new ServerReflectionRequest { ListServices = "" });
        var list = await call.ReadAsync(ServerReflectionResponse.Parser);
        await call.SendAsync(new ServerReflectionRequest { FileContainingSymbol = "hotline.test.v1.Echo" });
        var file = await call.ReadAsync(ServerReflectionResponse.Parser);
        await call.CompleteRequestAsync();
        Assert.Null(await call.ReadAsync(ServerReflectionResponse.Parser));

        Assert.Equal(
            ["hotline.test.v1.Echo", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            list!.ListServicesResponse.Service.Select(s => s.Name));
        var proto = FileDescriptorProto.Parser.ParseFrom(file!.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("hotline/test/v1/echo.proto", proto.Name);
        Assert.Equal(8, proto.Service.Single().Method.Count);
        Assert.Equal("0", call.Trailer("grpc-status"));
    }
}
