using Google.Protobuf;
using Grpc.Core;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>An open server-streaming call.</summary>
internal sealed class GrpcStream<TResponse>(AsyncServerStreamingCall<byte[]> call, MessageParser<TResponse> parser) : IDisposable
    where TResponse : IMessage<TResponse>
{
    /// <summary>The next message, or null when the server ended the stream (then <see cref="Status"/> is known).</summary>
    public async Task<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await call.ResponseStream.MoveNext(cancellationToken) ? parser.ParseFrom(call.ResponseStream.Current) : default;
        }
        catch (RpcException)
        {
            return default;
        }
    }

    /// <summary>The call's status; read it after <see cref="ReadAsync"/> returned null.</summary>
    public (StatusCode Status, string Message) Status => (call.GetStatus().StatusCode, call.GetStatus().Detail);

    public void Dispose() => call.Dispose();
}
