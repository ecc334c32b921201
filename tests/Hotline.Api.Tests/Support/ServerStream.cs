using Grpc.Core;

namespace Hotline.Api.Tests.Support;

/// <summary>A server-streaming call read one message at a time; disposing it leaves the call (the client cancels).</summary>
internal sealed class ServerStream<T>(AsyncServerStreamingCall<T> call) : IAsyncDisposable
    where T : class
{
    /// <summary>The next message, or null once the server ended the stream.</summary>
    public async Task<T?> ReadAsync() =>
        await call.ResponseStream.MoveNext(CancellationToken.None) ? call.ResponseStream.Current : null;

    /// <summary>How the server ended the call; valid after <see cref="ReadAsync"/> returned null.</summary>
    public Status Status => call.GetStatus();

    public ValueTask DisposeAsync()
    {
        call.Dispose();
        return ValueTask.CompletedTask;
    }
}
