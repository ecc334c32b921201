using Hotline.Api.Grpc;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>grpc-timeout deadlines on a fake clock, and client cancellation, over real Kestrel.</summary>
public sealed class GrpcServerDeadlineTests : IAsyncLifetime
{
    private const string Wait = "/hotline.test.v1.Echo/Wait";

    // Bounds a broken server so the suite cannot hang; never part of what is asserted.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new();
    private TestGrpcServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync(_time);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Call_DeadlinePasses_HandlerTokenCancelledAndDeadlineExceeded()
    {
        var headers = new Dictionary<string, string> { ["grpc-timeout"] = "5S" };
        var call = _client.UnaryAsync(Wait, new EchoRequest { Text = "w" }, headers: headers);
        await _server.Echo.WaitStarted.Task.WaitAsync(Guard);

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(_server.Echo.WaitCancelled.Task.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await call.WaitAsync(Guard);

        Assert.True(_server.Echo.WaitCancelled.Task.IsCompleted);
        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task Call_DeadlineNotReached_CompletesNormally()
    {
        var headers = new Dictionary<string, string> { ["grpc-timeout"] = "1S" };

        var response = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest { Text = "quick" }, headers: headers);

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("quick", response.Single(EchoReply.Parser).Text);
    }

    [Theory]
    [InlineData("1.5S")]
    [InlineData("5s")]
    [InlineData("123456789S")]
    [InlineData("S")]
    public async Task Call_MalformedTimeout_Internal(string timeout)
    {
        var headers = new Dictionary<string, string> { ["grpc-timeout"] = timeout };

        var response = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest(), headers: headers);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-timeout", response.StatusMessage);
    }

    [Fact]
    public async Task Call_ClientCancels_HandlerTokenCancelledAndServerKeepsServing()
    {
        using var cancel = new CancellationTokenSource();
        var call = _client.SendAsync(Wait, new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest())), cancellationToken: cancel.Token);
        await _server.Echo.WaitStarted.Task.WaitAsync(Guard);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await _server.Echo.WaitCancelled.Task.WaitAsync(Guard);
        var after = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest { Text = "next" });
        Assert.Equal("next", after.Single(EchoReply.Parser).Text);
    }
}
