using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Hotline.Api.Grpc;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Tests.Grpc;

/// <summary>The host cannot start with an unbound method or without a token validator.</summary>
public sealed class GrpcEndpointExtensionsTests
{
    [Fact]
    public async Task UseHotlineGrpc_ServiceWithUnboundMethods_ThrowsNamingThem()
    {
        await using var app = Build(services =>
        {
            services.AddSingleton<ITokenValidator, TestTokenValidator>();
            services.AddGrpcService<SayOnlyService>();
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.UseHotlineGrpc());

        Assert.Contains("hotline.test.v1.Echo.Chat", error.Message);
    }

    [Fact]
    public async Task MapHotlineGrpc_NoTokenValidator_Throws()
    {
        await using var app = Build(services => services.AddGrpcService<EchoService>());

        var error = Assert.Throws<InvalidOperationException>(() => app.MapHotlineGrpc());

        Assert.Contains(nameof(ITokenValidator), error.Message);
    }

    [Fact]
    public async Task MapHotlineGrpc_Complete_Maps()
    {
        await using var app = Build(services =>
        {
            services.AddSingleton<ITokenValidator, TestTokenValidator>();
            services.AddGrpcService<EchoService>();
        });

        Assert.NotNull(app.MapHotlineGrpc());
    }

    private static WebApplication Build(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHotlineGrpc();
        configure(builder.Services);
        return builder.Build();
    }

    private sealed class SayOnlyService : IGrpcService
    {
        public ServiceDescriptor Descriptor => EchoService.ServiceDescriptor;

        public void Bind(ServiceBinder binder) =>
            binder.Unary<EchoRequest, EchoReply>("Say", (request, _) => Task.FromResult(new EchoReply { Text = request.Text }));
    }
}
