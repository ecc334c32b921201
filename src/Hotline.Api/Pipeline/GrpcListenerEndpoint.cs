namespace Hotline.Api.Pipeline;

/// <summary>
/// Endpoint metadata: served on the gRPC listener only (services, reflection, health, unknown-method answers),
/// except a service's HTTP/JSON bindings, which go to the HTTP listener.
/// </summary>
internal sealed class GrpcListenerEndpoint
{
    public static readonly GrpcListenerEndpoint Instance = new();

    private GrpcListenerEndpoint()
    {
    }
}
