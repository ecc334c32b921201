using Google.Protobuf.Reflection;
using Hotline.Api.Grpc.Reflection;

namespace Hotline.Api.Grpc.Server;

/// <summary>
/// Every bound method by path, built once at startup from the registered services plus server
/// reflection. Refuses to build when a method of a registered service has no handler.
/// </summary>
internal sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);
    private readonly List<ServiceDescriptor> _services = [];

    public GrpcServiceRegistry(IEnumerable<IGrpcService> services)
    {
        var applicationServices = services.ToList();
        var all = applicationServices.Select(s => s.Descriptor)
            .Append(ServerReflectionV1Service.ServiceDescriptor)
            .Append(ServerReflectionV1AlphaService.ServiceDescriptor)
            .ToList();
        var responder = new ReflectionResponder(new DescriptorIndex(all));

        var missing = new List<string>();
        foreach (var service in applicationServices)
        {
            Bind(service, requiresAuthentication: true, missing);
        }

        // Reflection answers anonymous callers: it only describes the API, as grpcurl expects.
        Bind(new ServerReflectionV1Service(responder), requiresAuthentication: false, missing);
        Bind(new ServerReflectionV1AlphaService(responder), requiresAuthentication: false, missing);

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "gRPC methods without a handler: " + string.Join(", ", missing)
                + ". Every method of a registered service must be bound in IGrpcService.Bind.");
        }
    }

    /// <summary>Every service served, reflection included.</summary>
    public IReadOnlyList<ServiceDescriptor> Services => _services;

    public bool TryFind(string path, out GrpcMethod method) => _methods.TryGetValue(path, out method!);

    private void Bind(IGrpcService service, bool requiresAuthentication, List<string> missing)
    {
        ServiceDescriptor descriptor = service.Descriptor;
        if (_services.Any(s => s.FullName == descriptor.FullName))
        {
            throw new InvalidOperationException($"The gRPC service {descriptor.FullName} is registered twice.");
        }

        var binder = new ServiceBinder(descriptor, requiresAuthentication);
        service.Bind(binder);
        _services.Add(descriptor);
        foreach (var method in descriptor.Methods)
        {
            if (binder.Methods.TryGetValue(method.Name, out var bound))
            {
                _methods.Add(bound.Path, bound);
            }
            else
            {
                missing.Add(method.FullName);
            }
        }
    }
}
