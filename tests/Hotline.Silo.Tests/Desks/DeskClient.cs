using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Hotline.Silo.Tests.Desks;

/// <summary>
/// A small gRPC client for the desks: HttpClient over h2c (HTTP/2 prior knowledge), length-prefixed
/// messages (gRPC over HTTP/2, "Length-Prefixed-Message"), the bearer token as authorization metadata,
/// and the status read from the trailers (or the headers of a trailers-only answer).
/// </summary>
internal sealed class DeskClient(Uri address) : IDisposable
{
    private const int PrefixLength = 5;

    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        BaseAddress = address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromMinutes(1),
    };

    /// <summary>Calls a unary method, e.g. ("HotlineDesk", "CreateTicket").</summary>
    public async Task<DeskReply<T>> CallAsync<T>(string service, string method, IMessage request, string? token, MessageParser<T> parser)
        where T : IMessage<T>
    {
        using var response = await SendAsync(service, method, request, token, CancellationToken.None);
        var body = await response.Content.ReadAsByteArrayAsync();
        var messages = new List<T>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1)));
            Assert.Equal(0, body[offset]); // The desks answer uncompressed unless asked otherwise.
            messages.Add(parser.ParseFrom(body.AsSpan(offset + PrefixLength, length)));
            offset += PrefixLength + length;
        }

        return DeskReply<T>.From(response, messages);
    }

    /// <summary>
    /// Calls a server-streaming method and reads until <paramref name="take"/> messages came or the stream
    /// ended; then leaves (the call is cancelled). Status is set only when the server ended the stream.
    /// </summary>
    public async Task<DeskReply<T>> StreamAsync<T>(string service, string method, IMessage request, string? token, MessageParser<T> parser, int take)
        where T : IMessage<T>
    {
        using var leave = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await SendAsync(service, method, request, token, leave.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(leave.Token);
        var messages = new List<T>();
        var prefix = new byte[PrefixLength];
        while (messages.Count < take)
        {
            if (await ReadFullyAsync(stream, prefix, leave.Token) == 0)
            {
                return DeskReply<T>.From(response, messages);
            }

            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1))];
            Assert.Equal(payload.Length, await ReadFullyAsync(stream, payload, leave.Token));
            messages.Add(parser.ParseFrom(payload));
        }

        await leave.CancelAsync();
        return new DeskReply<T>(null, null, messages);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string service, string method, IMessage request, string? token, CancellationToken cancellationToken)
    {
        var payload = request.ToByteArray();
        var framed = new byte[PrefixLength + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, PrefixLength);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/hotline.v1.{service}/{method}")
        {
            Content = new ByteArrayContent(framed),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("authorization", token.Length == 0 ? "Bearer " : $"Bearer {token}");
        }

        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
