using Google.Protobuf;

namespace Hotline.Api.Grpc.Server;

/// <summary>The <see cref="IAsyncStreamReader{T}"/> handed to client-streaming and bidirectional handlers.</summary>
internal sealed class StreamReader<T> : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private readonly GrpcCall _call;
    private readonly MessageParser<T> _parser;
    private T? _current;

    public StreamReader(GrpcCall call, MessageParser<T> parser)
    {
        _call = call;
        _parser = parser;
    }

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _call.Context.CancellationToken);
        _current = await _call.Requests.ReadAsync(_parser, linked.Token);
        return _current is not null;
    }
}
