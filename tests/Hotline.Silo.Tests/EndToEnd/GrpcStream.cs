using Google.Protobuf;
using Hotline.Api.Grpc;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>An open server-streaming call.</summary>
internal sealed class GrpcStream<TResponse>(HttpRequestMessage request, HttpResponseMessage response, Stream body, MessageParser<TResponse> parser)
    : IDisposable
    where TResponse : IMessage<TResponse>
{
    /// <summary>The next message, or null when the server ended the stream (then <see cref="Status"/> is known).</summary>
    public async Task<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        var payload = await GrpcTestClient.ReadFrameAsync(body, cancellationToken);
        return payload is null ? default : parser.ParseFrom(payload);
    }

    /// <summary>The call's status; read it after <see cref="ReadAsync"/> returned null.</summary>
    public (StatusCode Status, string Message) Status => GrpcTestClient.StatusOf(response);

    public void Dispose()
    {
        body.Dispose();
        response.Dispose();
        request.Dispose();
    }
}
