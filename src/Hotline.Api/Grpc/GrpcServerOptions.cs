namespace Hotline.Api.Grpc;

/// <summary>Limits of the gRPC server layer.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, compressed or not (gRPC's default is 4 MiB).
    /// A larger frame is refused with RESOURCE_EXHAUSTED from its header, before it is buffered.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Whether responses are gzip-compressed when the client sent gzip and accepts it.</summary>
    public bool CompressResponses { get; set; } = true;
}
