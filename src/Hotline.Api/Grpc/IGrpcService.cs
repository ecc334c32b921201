using Google.Protobuf.Reflection;

namespace Hotline.Api.Grpc;

/// <summary>
/// A gRPC service implementation. Registered with <c>services.AddGrpcService&lt;T&gt;()</c> as a
/// singleton; <see cref="Bind"/> runs once at startup and must bind a handler to every method of
/// <see cref="Descriptor"/>, or the host refuses to start.
/// </summary>
public interface IGrpcService
{
    /// <summary>The service from the generated reflection class, e.g.
    /// <c>HotlineDeskReflection.Descriptor.FindTypeByName&lt;ServiceDescriptor&gt;("HotlineDesk")</c>.</summary>
    ServiceDescriptor Descriptor { get; }

    void Bind(ServiceBinder binder);
}
