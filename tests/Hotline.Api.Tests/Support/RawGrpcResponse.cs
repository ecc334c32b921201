using System.Buffers;
using System.Globalization;
using System.Net;
using Google.Protobuf;
using Hotline.Api.Grpc;
using Hotline.Api.Grpc.Framing;
using Hotline.Api.Grpc.Protocol;

namespace Hotline.Api.Tests.Support;

/// <summary>What came back: HTTP status, headers, framed messages and the gRPC status.</summary>
internal sealed record RawGrpcResponse(
    HttpStatusCode HttpStatus,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Trailers,
    IReadOnlyList<GrpcFrameCopy> Messages)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public StatusCode? Status => StatusText is { } text ? (StatusCode)int.Parse(text, CultureInfo.InvariantCulture) : null;

    public string? StatusMessage =>
        (Trailers.GetValueOrDefault("grpc-message") ?? Headers.GetValueOrDefault("grpc-message")) is { } encoded
            ? GrpcMessageEncoding.Decode(encoded)
            : null;

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Trailers.Count == 0 && Messages.Count == 0;

    private string? StatusText => Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status");

    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Assert.Single(Messages).Payload);

    public static RawGrpcResponse From(HttpResponseMessage response, byte[] body)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var trailers = response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var messages = new List<GrpcFrameCopy>();
        var buffer = new ReadOnlySequence<byte>(body);
        while (GrpcFrameReader.TryRead(ref buffer, int.MaxValue, out var frame, out _) == FrameReadResult.Complete)
        {
            byte[] payload = frame.Payload.ToArray();
            messages.Add(new GrpcFrameCopy(frame.Compressed, frame.Compressed ? GzipCodec.Decompress(new ReadOnlySequence<byte>(payload), int.MaxValue)! : payload));
        }

        Assert.True(buffer.IsEmpty, $"the response body ended inside a frame: {Convert.ToHexString(body)} {System.Text.Encoding.UTF8.GetString(body)}");
        return new RawGrpcResponse(response.StatusCode, headers, trailers, messages);
    }
}
