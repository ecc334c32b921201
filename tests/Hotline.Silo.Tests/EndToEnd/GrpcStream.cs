using Google.Protobuf;
using Hotline.Api.Grpc;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>An open server-streaming call.</summary>
internal sealed class GrpcStream<TResponse>(HttpRequestMessage request, Task<HttpResponseMessage> response, MessageParser<TResponse> parser)
    : IDisposable
    where TResponse : IMessage<TResponse>
{
    private Stream? _body;

    /// <summary>The next message, or null when the server ended the stream (then <see cref="Status"/> is known).</summary>
    public async Task<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        _body ??= await (await response.WaitAsync(cancellationToken)).Content.ReadAsStreamAsync(cancellationToken);
        var payload = await GrpcTestClient.ReadFrameAsync(_body, cancellationToken).WaitAsync(cancellationToken);
        return payload is null ? default : parser.ParseFrom(payload);
    }

    /// <summary>The call's status; read it after <see cref="ReadAsync"/> returned null.</summary>
    public (StatusCode Status, string Message) Status => GrpcTestClient.StatusOf(response.Result);

    public void Dispose()
    {
        _body?.Dispose();
        if (response.IsCompletedSuccessfully)
        {
            response.Result.Dispose();
        }

        request.Dispose();
    }
}
