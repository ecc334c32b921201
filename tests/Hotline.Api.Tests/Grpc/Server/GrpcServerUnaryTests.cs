using System.Net;
using Hotline.Api.Grpc;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

/// <summary>Unary calls over real Kestrel h2c with an HTTP/2 HttpClient.</summary>
public sealed class GrpcServerUnaryTests : IAsyncLifetime
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
    public async Task Unary_ValidRequest_MessageThenOkInTrailers()
    {
        var response = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest { Text = "你好" });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
        Assert.Equal("你好", response.Single(EchoReply.Parser).Text);
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Contains("gzip", response.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task Unary_HandlerThrowsRpcException_TrailersOnlyWithEncodedMessage()
    {
        var response = await _client.UnaryAsync(
            "/hotline.test.v1.Echo/Fail", new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = "工单 is CLOSED; 100% final" });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.FailedPrecondition, response.Status);
        Assert.Equal("工单 is CLOSED; 100% final", response.StatusMessage);
        Assert.Equal("%E5%B7%A5%E5%8D%95 is CLOSED; 100%25 final", response.Headers["grpc-message"]);
    }

    [Fact]
    public async Task Unary_HandlerCrashes_InternalWithoutDetailsAndServerKeepsServing()
    {
        var crashed = await _client.UnaryAsync("/hotline.test.v1.Echo/Fail", new FailRequest { Crash = true });
        var after = await _client.UnaryAsync("/hotline.test.v1.Echo/Say", new EchoRequest { Text = "still here" });

        Assert.Equal(StatusCode.Internal, crashed.Status);
        Assert.DoesNotContain("secret", crashed.StatusMessage);
        Assert.Equal("still here", after.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task Unary_CallerFromToken_IsOnTheContext()
    {
        var staff = await _client.UnaryAsync("/hotline.test.v1.Echo/WhoAmI", new EchoRequest());
        var department = await _client.UnaryAsync("/hotline.test.v1.Echo/WhoAmI", new EchoRequest(), TestTokenValidator.DepartmentToken);

        Assert.Equal("Staff:S01:Agent", staff.Single(EchoReply.Parser).Text);
        Assert.Equal("Department:D01:None", department.Single(EchoReply.Parser).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer two words")]
    [InlineData("Bearer unknown-token")]
    public async Task Unary_MissingMalformedOrUnknownToken_Unauthenticated(string? authorization)
    {
        var headers = authorization is null ? null : new Dictionary<string, string> { ["authorization"] = authorization };

        var response = await _client.SendAsync(
            "/hotline.test.v1.Echo/WhoAmI", new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest())), token: null, headers);

        Assert.Equal(StatusCode.Unauthenticated, response.Status);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task Unary_SchemeInOtherCase_Accepted()
    {
        var headers = new Dictionary<string, string> { ["authorization"] = $"bearer {TestTokenValidator.StaffToken}" };

        var response = await _client.SendAsync(
            "/hotline.test.v1.Echo/WhoAmI", new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest())), token: null, headers);

        Assert.Equal(StatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("/hotline.test.v1.Echo/Shout")]
    [InlineData("/hotline.test.v1.Nope/Say")]
    [InlineData("/")]
    [InlineData("/a/b/c")]
    public async Task Call_UnknownServiceOrMethod_Unimplemented(string path)
    {
        var response = await _client.UnaryAsync(path, new EchoRequest());

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.True(response.IsTrailersOnly);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc+json")]
    [InlineData("text/plain")]
    public async Task Call_NotGrpcContentType_415(string contentType)
    {
        var response = await _client.SendAsync(
            "/hotline.test.v1.Echo/Say", new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest())), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task Call_GrpcPlusProtoContentType_Accepted()
    {
        var response = await _client.SendAsync(
            "/hotline.test.v1.Echo/Say", new ByteArrayContent(RawGrpcClient.Frame(new EchoRequest { Text = "p" })),
            contentType: "application/grpc+proto");

        Assert.Equal("p", response.Single(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task Call_NotPost_405()
    {
        var response = await _client.SendAsync(
            "/hotline.test.v1.Echo/Say", new ByteArrayContent([]), method: HttpMethod.Put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.HttpStatus);
    }
}
