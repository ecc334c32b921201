using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Hotline.Load.Grpc;

/// <summary>
/// Unary gRPC calls over one cleartext HTTP/2 connection (h2c with prior knowledge), framed by hand
/// as PROTOCOL-HTTP2.md describes, so the benchmark measures our server and not a client library.
/// Many calls share the connection as concurrent streams.
/// </summary>
internal sealed class H2cUnaryClient : IDisposable
{
    private const string DeadlineHeader = "10S";

    private readonly HttpMessageInvoker _invoker;
    private readonly Uri _base;

    public H2cUnaryClient(string target)
    {
        _base = new Uri("http://" + target);
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            // One handler = one connection: the benchmark decides how many connections it opens.
            EnableMultipleHttp2Connections = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
    }

    public async Task<UnaryResult<TResponse>> CallAsync<TResponse>(
        string path, IMessage request, string authorization, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TryAddWithoutValidation("te", "trailers");
        message.Headers.TryAddWithoutValidation("grpc-timeout", DeadlineHeader);
        message.Headers.TryAddWithoutValidation("authorization", authorization);

        try
        {
            using var response = await _invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return UnaryResult<TResponse>.Failed(StatusNames.HttpError);
            }

            // A status comes in the trailers after a message, or alone in the headers (Trailers-Only).
            var status = Status(response.TrailingHeaders) ?? Status(response.Headers);
            if (status is not { } code)
            {
                return UnaryResult<TResponse>.Failed(StatusNames.NoStatus);
            }

            return code == 0 && Unframe(body, parser) is { } parsed
                ? UnaryResult<TResponse>.Ok(parsed)
                : UnaryResult<TResponse>.Failed(code == 0 ? StatusNames.BadMessage : code);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return UnaryResult<TResponse>.Failed(StatusNames.TransportError);
        }
    }

    public void Dispose() => _invoker.Dispose();

    /// <summary>
    /// Length-Prefixed-Message: | compressed flag (1 byte, 0) | message length (4 bytes, big-endian) | message |
    /// </summary>
    private static byte[] Frame(IMessage request)
    {
        var size = request.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        request.WriteTo(frame.AsSpan(5));
        return frame;
    }

    private static TResponse? Unframe<TResponse>(byte[] body, MessageParser<TResponse> parser)
        where TResponse : IMessage<TResponse>
    {
        if (body.Length < 5 || body[0] != 0)
        {
            return default;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        return length == body.Length - 5 ? parser.ParseFrom(body.AsSpan(5)) : default;
    }

    private static int? Status(HttpHeaders headers) =>
        headers.TryGetValues("grpc-status", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
}
