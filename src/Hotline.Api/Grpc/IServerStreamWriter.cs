namespace Hotline.Api.Grpc;

/// <summary>Writes the messages of a streaming response. Each write is flushed to the client at once.</summary>
/// <remarks>Not thread-safe: await each write before the next.</remarks>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
