using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Hotline.Api.Grpc;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// A small gRPC client over HttpClient (HTTP/2 cleartext with prior knowledge), independent of our
/// server-side layer: it frames messages itself and reads grpc-status from trailers (or from the
/// headers of a trailers-only answer).
/// </summary>
internal sealed class GrpcTestClient : IDisposable
{
    public const string HotlineDesk = "hotline.v1.HotlineDesk";
    public const string DepartmentDesk = "hotline.v1.DepartmentDesk";

    private readonly HttpClient _http;

    public GrpcTestClient(Uri address)
    {
        _http = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>One unary call with a 30 s deadline; transport failures surface as exceptions.</summary>
    public async Task<GrpcReply<TResponse>> UnaryAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string token, CancellationToken cancellationToken = default)
        where TResponse : IMessage<TResponse>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var message = NewRequest(service, method, request, token);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return await ReadReplyAsync(response, parser, timeout.Token);
    }

    /// <summary>
    /// A unary call whose request headers go out at once but whose message waits for <paramref name="release"/>,
    /// so the call is open at the server for as long as the test wants; <paramref name="opened"/> completes
    /// once the headers are on their way.
    /// </summary>
    public async Task<GrpcReply<TResponse>> HeldUnaryAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string token, TaskCompletionSource opened, Task release)
        where TResponse : IMessage<TResponse>
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var message = NewRequest(service, method, request, token);
        var frame = await message.Content!.ReadAsByteArrayAsync(timeout.Token);
        message.Content = new HeldContent(frame, opened, release) { Headers = { ContentType = message.Content.Headers.ContentType } };
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return await ReadReplyAsync(response, parser, timeout.Token);
    }

    /// <summary>
    /// Opens a server-streaming call without waiting for its response headers (a server may send them
    /// only with its first message); read its messages with <see cref="GrpcStream{T}.ReadAsync"/>.
    /// </summary>
    public GrpcStream<TResponse> Stream<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string token, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        var message = NewRequest(service, method, request, token);
        return new GrpcStream<TResponse>(message, _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken), parser);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Reads one length-prefixed message (gRPC over HTTP/2: 1 byte compressed flag, 4 bytes big-endian
    /// length, then the message); null at the end of the body.
    /// </summary>
    internal static async Task<byte[]?> ReadFrameAsync(Stream body, CancellationToken cancellationToken)
    {
        var prefix = new byte[5];
        var read = await body.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < prefix.Length || prefix[0] != 0)
        {
            throw new InvalidDataException($"unexpected frame prefix: {Convert.ToHexString(prefix.AsSpan(0, read))}");
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1))];
        await body.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }

    internal static (StatusCode Status, string Message) StatusOf(HttpResponseMessage response)
    {
        string? Find(string name) =>
            response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
            : response.Headers.TryGetValues(name, out var header) ? header.First()
            : null;

        var status = Find("grpc-status") ?? throw new InvalidDataException($"no grpc-status (HTTP {(int)response.StatusCode})");
        return ((StatusCode)int.Parse(status, CultureInfo.InvariantCulture), Uri.UnescapeDataString(Find("grpc-message") ?? ""));
    }

    /// <summary>Reads the body to its end (trailers arrive only after it), keeping the first message.</summary>
    private static async Task<GrpcReply<TResponse>> ReadReplyAsync<TResponse>(HttpResponseMessage response, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var first = await ReadFrameAsync(body, cancellationToken);
        for (var more = first; more is not null;)
        {
            more = await ReadFrameAsync(body, cancellationToken);
        }

        var (status, text) = StatusOf(response);
        return new GrpcReply<TResponse>(status, text, status == StatusCode.OK && first is not null ? parser.ParseFrom(first) : default);
    }

    private static HttpRequestMessage NewRequest(string service, string method, IMessage request, string token)
    {
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        var message = new HttpRequestMessage(HttpMethod.Post, $"/{service}/{method}")
        {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        message.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        return message;
    }
}
