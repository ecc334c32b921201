using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
using Hotline.Api.Grpc.Server;
using Hotline.Api.Tests.Support;
using Hotline.Api.Tests.V1;

namespace Hotline.Api.Tests.Grpc.Server;

public sealed class GrpcServiceRegistryTests
{
    [Fact]
    public void Constructor_AllMethodsBound_FindsEveryPathAndReflection()
    {
        var registry = new GrpcServiceRegistry([new EchoService()]);

        Assert.True(registry.TryFind("/hotline.test.v1.Echo/Say", out var say));
        Assert.True(say.RequiresAuthentication);
        Assert.True(registry.TryFind("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", out var reflection));
        Assert.False(reflection.RequiresAuthentication);
        Assert.True(registry.TryFind("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", out _));
        Assert.False(registry.TryFind("/hotline.test.v1.Echo/Nope", out _));
        Assert.Equal(3, registry.Services.Count);
    }

    [Fact]
    public void Constructor_MethodsWithoutHandler_ThrowsNamingEachMissingMethod()
    {
        var partial = new PartialService(binder => binder.Unary<EchoRequest, EchoReply>("Say", (r, _) => Task.FromResult(new EchoReply())));

        var error = Assert.Throws<InvalidOperationException>(() => new GrpcServiceRegistry([partial]));

        Assert.Contains("hotline.test.v1.Echo.Count", error.Message);
        Assert.Contains("hotline.test.v1.Echo.WhoAmI", error.Message);
        Assert.DoesNotContain("Echo.Say", error.Message);
    }

    [Fact]
    public void Constructor_SameServiceTwice_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new GrpcServiceRegistry([new EchoService(), new EchoService()]));

        Assert.Contains("hotline.test.v1.Echo", error.Message);
    }

    [Fact]
    public void Bind_WrongMethodKind_ThrowsArgumentException()
    {
        var wrongKind = new PartialService(binder =>
            binder.Unary<CountRequest, EchoReply>("Count", (r, _) => Task.FromResult(new EchoReply())));

        var error = Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry([wrongKind]));

        Assert.Contains("server streaming", error.Message);
    }

    [Fact]
    public void Bind_WrongMessageTypes_ThrowsArgumentException()
    {
        var wrongTypes = new PartialService(binder =>
            binder.Unary<FailRequest, EchoReply>("Say", (r, _) => Task.FromResult(new EchoReply())));

        var error = Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry([wrongTypes]));

        Assert.Contains("hotline.test.v1.EchoRequest", error.Message);
    }

    [Fact]
    public void Bind_UnknownMethodOrTwice_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry([new PartialService(binder =>
            binder.Unary<EchoRequest, EchoReply>("Shout", (r, _) => Task.FromResult(new EchoReply())))]));
        Assert.Throws<ArgumentException>(() => new GrpcServiceRegistry([new PartialService(binder =>
        {
            binder.Unary<EchoRequest, EchoReply>("Say", (r, _) => Task.FromResult(new EchoReply()));
            binder.Unary<EchoRequest, EchoReply>("Say", (r, _) => Task.FromResult(new EchoReply()));
        })]));
    }

    private sealed class PartialService(Action<ServiceBinder> bind) : IGrpcService
    {
        public ServiceDescriptor Descriptor => EchoService.ServiceDescriptor;

        public void Bind(ServiceBinder binder) => bind(binder);
    }
}
