namespace Hotline.Api.Pipeline;

/// <summary>Endpoint metadata: served on the gRPC listener only (services, reflection, health, unknown-method answers).</summary>
internal sealed class GrpcListenerEndpoint
{
    public static readonly GrpcListenerEndpoint Instance = new();

    private GrpcListenerEndpoint()
    {
    }
}
