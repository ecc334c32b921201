using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>A long-lived stream ends cleanly when the host stops, instead of holding shutdown up.</summary>
public sealed class GrpcServerShutdownTests
{
    [Fact]
    public async Task ServerStreaming_HostStops_StreamEndsOkAndHostStops()
    {
        await using var server = await TestGrpcServer.StartAsync();
        await using var call = new DuplexCall(server.Address, "/hotline.test.v1.Echo/Watch", TestTokenValidator.StaffToken);
        await call.SendAsync(new EchoRequest { Text = "watching" });
        await call.CompleteRequestAsync();
        var first = await call.ReadAsync(EchoReply.Parser);

        var stopping = server.StopAsync();
        var end = await call.ReadAsync(EchoReply.Parser);
        await stopping;

        Assert.Equal("watching", first!.Text);
        Assert.Null(end);
        Assert.Equal("0", call.Trailer("grpc-status"));
    }
}
