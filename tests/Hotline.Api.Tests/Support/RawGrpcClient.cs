using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Hotline.Api.Grpc.Framing;

namespace Hotline.Api.Tests.Support;

/// <summary>
/// A gRPC client made of HttpClient over h2c (prior knowledge, HTTP/2 only), sending exactly the bytes
/// and headers a test asks for, so bad frames and headers can be sent too.
/// </summary>
internal sealed class RawGrpcClient : IDisposable
{
    private readonly HttpClient _http;

    public RawGrpcClient(Uri address)
    {
        _http = new HttpClient(new SocketsHttpHandler())
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray(), compressed: false);

    public static byte[] Frame(byte[] payload, bool compressed)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        GrpcFrameWriter.Write(buffer, payload, compressed);
        return buffer.WrittenSpan.ToArray();
    }

    public Task<RawGrpcResponse> UnaryAsync(
        string path, IMessage request, string? token = TestTokenValidator.StaffToken, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(path, new ByteArrayContent(Frame(request)), token, headers);

    public async Task<RawGrpcResponse> SendAsync(
        string path,
        HttpContent body,
        string? token = TestTokenValidator.StaffToken,
        IReadOnlyDictionary<string, string>? headers = null,
        HttpMethod? method = null,
        string contentType = "application/grpc",
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Content = body,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        byte[] content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return RawGrpcResponse.From(response, content);
    }

    public void Dispose() => _http.Dispose();
}
