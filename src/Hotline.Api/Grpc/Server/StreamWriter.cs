using Google.Protobuf;

namespace Hotline.Api.Grpc.Server;

/// <summary>The <see cref="IServerStreamWriter{T}"/> handed to streaming handlers: flushes every message.</summary>
internal sealed class StreamWriter<T> : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    private readonly GrpcCall _call;

    public StreamWriter(GrpcCall call) => _call = call;

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _call.Context.CancellationToken);
        await _call.Responses.WriteAsync(message, flush: true, linked.Token);
    }
}
