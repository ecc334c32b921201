using Google.Protobuf;
using Hotline.Api.Grpc.Framing;
using Microsoft.AspNetCore.Http;

namespace Hotline.Api.Grpc.Server;

/// <summary>Writes response messages to the HTTP/2 response body, each as one length-prefixed frame.</summary>
internal sealed class ResponseMessageWriter
{
    private readonly HttpResponse _response;
    private readonly bool _gzip;
    private bool _completed;

    public ResponseMessageWriter(HttpResponse response, bool gzip)
    {
        _response = response;
        _gzip = gzip;
    }

    /// <summary>How many messages were written; with none, an error can go as trailers-only.</summary>
    public int MessagesWritten { get; private set; }

    public async Task WriteAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        // A handler that outlives its call (a leaked stream writer) must not touch a recycled response.
        if (_completed)
        {
            throw new InvalidOperationException("The call has completed; no more messages can be written.");
        }

        if (_gzip)
        {
            GrpcFrameWriter.Write(_response.BodyWriter, GzipCodec.Compress(message.ToByteArray()), compressed: true);
        }
        else
        {
            GrpcFrameWriter.Write(_response.BodyWriter, message);
        }

        MessagesWritten++;
        if (flush)
        {
            await _response.BodyWriter.FlushAsync(cancellationToken);
        }
    }

    public void Complete() => _completed = true;
}
