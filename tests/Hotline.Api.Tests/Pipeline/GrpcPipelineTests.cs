using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Pipeline;

/// <summary>The interceptors and services every call passes, driven by Grpc.Net.Client against real Kestrel.</summary>
public sealed class GrpcPipelineTests : IAsyncLifetime
{
    // Bounds a broken server so the suite cannot hang; never part of what is asserted.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly LogCapture _logs = new();
    private TestGrpcServer _server = null!;
    private Echo.EchoClient _echo = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync(services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.AddHealthChecks().AddCheck("probe", () => HealthCheckResult.Healthy());
        });
        _echo = new Echo.EchoClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Say_ValidToken_Answers()
    {
        var reply = await _echo.SayAsync(new EchoRequest { Text = "你好" }, Auth());

        Assert.Equal("你好", reply.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer two words")]
    [InlineData("Bearer unknown-token")]
    public async Task Call_MissingMalformedOrUnknownToken_UnauthenticatedBeforeTheMethodRuns(string? authorization)
    {
        var headers = authorization is null ? [] : new Metadata { { "authorization", authorization } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _echo.WaitAsync(new EchoRequest(), headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.False(_server.Echo.WaitStarted.Task.IsCompleted);
    }

    [Fact]
    public async Task Call_SchemeInOtherCase_Accepted()
    {
        var reply = await _echo.WhoAmIAsync(new EchoRequest(), new Metadata { { "authorization", $"bearer {TestTokenValidator.DepartmentToken}" } });

        Assert.Equal("Department:D01:None", reply.Text);
    }

    [Fact]
    public async Task Fail_RpcExceptionWithNonAsciiMessage_StatusAndMessageArriveIntact()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _echo.FailAsync(
            new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = "工单 is CLOSED; 100% final" }, Auth()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("工单 is CLOSED; 100% final", error.Status.Detail);
    }

    [Fact]
    public async Task Fail_HandlerCrashes_InternalWithoutDetailsLoggedOnce()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _echo.FailAsync(new FailRequest { Crash = true }, Auth()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
        Assert.Single(_logs.EventIds(LogLevel.Error), 4101);
        Assert.Equal("still here", (await _echo.SayAsync(new EchoRequest { Text = "still here" }, Auth())).Text);
    }

    [Fact]
    public async Task Count_FailsAfterMessages_MessagesThenStatus()
    {
        using var call = _echo.Count(new CountRequest { Count = 2, FailCode = (int)StatusCode.Aborted }, Auth());
        var received = new List<int>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                received.Add(call.ResponseStream.Current.Index);
            }
        });

        Assert.Equal([0, 1], received);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task Wait_DeadlinePasses_DeadlineExceededAndHandlerTokenCancelled()
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(300);

        var error = await Assert.ThrowsAsync<RpcException>(() => _echo.WaitAsync(new EchoRequest(), Auth(), deadline).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await _server.Echo.WaitCancelled.Task.WaitAsync(Guard);
        Assert.Empty(_logs.EventIds(LogLevel.Error));
    }

    [Fact]
    public async Task Wait_ClientCancels_HandlerTokenCancelledAndServerKeepsServing()
    {
        using var cancel = new CancellationTokenSource();
        using var call = _echo.WaitAsync(new EchoRequest(), Auth(), cancellationToken: cancel.Token);
        await _server.Echo.WaitStarted.Task.WaitAsync(Guard);

        await cancel.CancelAsync();

        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync)).StatusCode);
        await _server.Echo.WaitCancelled.Task.WaitAsync(Guard);
        Assert.Equal("next", (await _echo.SayAsync(new EchoRequest { Text = "next" }, Auth())).Text);
    }

    [Fact]
    public async Task UnknownMethod_Unimplemented()
    {
        var result = await _server.CreateClient().CallAsync("/hotline.test.v1.Echo/Shout", new EchoRequest());

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task Say_TextThatIsNotUtf8_InvalidArgument()
    {
        // EchoRequest.text (field 1, length-delimited) carrying the bytes FF FE, which are not UTF-8.
        var result = await _server.CreateClient().CallRawAsync("/hotline.test.v1.Echo/Say", [0x0A, 0x02, 0xFF, 0xFE]);

        Assert.Equal(StatusCode.InvalidArgument, result.Status);
        Assert.Contains("UTF-8", result.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_ServingWhenTheChecksPass()
    {
        var health = new Health.HealthClient(_server.Channel);

        var answer = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    [Fact]
    public async Task ReflectionV1Alpha_Anonymous_ListsEveryServiceWithBothReflectionVersions()
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("hotline.test.v1.Echo", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    private static Metadata Auth() => new() { { "authorization", $"Bearer {TestTokenValidator.StaffToken}" } };
}
