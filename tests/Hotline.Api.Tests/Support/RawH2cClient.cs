using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Hotline.Api.Tests.Support;

/// <summary>
/// HttpClient over h2c sending exactly the bytes and headers a test gives, for what a real gRPC client
/// never sends (broken frames, bad headers): the answer's HTTP status and gRPC status.
/// </summary>
internal sealed class RawH2cClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A length-prefixed message (PROTOCOL-HTTP2.md): flag byte, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(byte[] payload, bool compressed = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async Task<RawAnswer> SendAsync(
        string path,
        HttpContent body,
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
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {TestTokenValidator.StaffToken}");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        string? Find(string name) =>
            response.TrailingHeaders.TryGetValues(name, out var trailer) || response.Headers.TryGetValues(name, out trailer)
                ? trailer.First()
                : null;

        return new RawAnswer(
            response.StatusCode,
            Find("grpc-status") is { } status ? (StatusCode)int.Parse(status, CultureInfo.InvariantCulture) : null,
            Uri.UnescapeDataString(Find("grpc-message") ?? ""),
            Find("grpc-accept-encoding"));
    }

    public void Dispose() => _http.Dispose();
}
