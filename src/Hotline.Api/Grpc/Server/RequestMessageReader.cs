using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using Hotline.Api.Grpc.Framing;

namespace Hotline.Api.Grpc.Server;

/// <summary>
/// Reads request messages from the HTTP/2 request body. A message that cannot be parsed ends the call
/// with INTERNAL, as grpc-go ("error unmarshalling request") and grpc-java ("Invalid protobuf byte
/// sequence") do: the client's library produced bytes the server cannot read, which is not an
/// argument the application could fix.
/// </summary>
internal sealed class RequestMessageReader
{
    private readonly PipeReader _body;
    private readonly int _maxMessageSize;
    private readonly bool _gzip;

    public RequestMessageReader(PipeReader body, int maxMessageSize, bool gzip)
    {
        _body = body;
        _maxMessageSize = maxMessageSize;
        _gzip = gzip;
    }

    /// <summary>Reads the next message; null when the client has half-closed the stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            ReadResult result = await _body.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            FrameReadResult outcome = GrpcFrameReader.TryRead(ref buffer, _maxMessageSize, out GrpcFrame frame, out long length);
            switch (outcome)
            {
                case FrameReadResult.Complete:
                    try
                    {
                        return Parse(frame, parser);
                    }
                    finally
                    {
                        _body.AdvanceTo(buffer.Start);
                    }

                case FrameReadResult.TooLarge:
                    _body.AdvanceTo(result.Buffer.Start);
                    throw new RpcException(
                        StatusCode.ResourceExhausted,
                        $"Received message larger than max ({length} vs. {_maxMessageSize} bytes).");

                case FrameReadResult.InvalidFlag:
                    _body.AdvanceTo(result.Buffer.Start);
                    throw new RpcException(StatusCode.Internal, "Invalid compressed flag in the message prefix.");

                default:
                    if (result.IsCompleted)
                    {
                        _body.AdvanceTo(result.Buffer.End);
                        if (result.Buffer.IsEmpty)
                        {
                            return null;
                        }

                        throw new RpcException(StatusCode.Internal, "The request ended inside a message.");
                    }

                    // Nothing consumed, everything examined: the next read waits for more bytes.
                    _body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    break;
            }
        }
    }

    /// <summary>Reads the only message of a unary or server-streaming request.</summary>
    public async ValueTask<T> ReadSingleAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        T message = await ReadAsync(parser, cancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "The request carried no message.");
        if (await ReadAsync(parser, cancellationToken) is not null)
        {
            throw new RpcException(StatusCode.Internal, "The request carried more than one message.");
        }

        return message;
    }

    private T Parse<T>(GrpcFrame frame, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        ReadOnlySequence<byte> payload = frame.Payload;
        if (frame.Compressed)
        {
            // PROTOCOL-HTTP2.md: a compressed flag with identity (or no) grpc-encoding is an INTERNAL error.
            if (!_gzip)
            {
                throw new RpcException(StatusCode.Internal, "Compressed message without a grpc-encoding.");
            }

            try
            {
                byte[] inflated = GzipCodec.Decompress(payload, _maxMessageSize)
                    ?? throw new RpcException(
                        StatusCode.ResourceExhausted,
                        $"Decompressed message larger than max ({_maxMessageSize} bytes).");
                payload = new ReadOnlySequence<byte>(inflated);
            }
            catch (InvalidDataException)
            {
                throw new RpcException(StatusCode.Internal, "The message is not valid gzip data.");
            }
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(
                StatusCode.Internal, $"Could not parse the request as {typeof(T).Name}.");
        }
    }
}
