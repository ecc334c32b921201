using Hotline.Api.Grpc;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>The endpoint-routing form (MapHotlineGrpc) serves the same calls as the middleware.</summary>
public sealed class GrpcServerRoutingTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync(endpointRouting: true);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task MapHotlineGrpc_KnownAndUnknownMethods_ServedAsGrpc()
    {
        var known = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest { Text = "routed" });
        var unknown = await _client.UnaryAsync("/hotline.test.v1.Echo/Shout", new EchoRequest());

        Assert.Equal("routed", known.Single(EchoReply.Parser).Text);
        Assert.Equal(StatusCode.Unimplemented, unknown.Status);
    }
}
