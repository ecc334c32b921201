using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>
/// A unary gRPC client over h2c for calling the real host: one uncompressed frame out, the status and
/// at most one message back. Tokens are issued by the host's own token store.
/// </summary>
internal sealed class HostGrpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RunningHost _host;

    public HostGrpcClient(RunningHost host)
    {
        _host = host;
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.GrpcBase };
    }

    public Task<string> TokenAsync(string staffId, StaffRole role) =>
        _host.App.Services.GetRequiredService<ITokenStore>().IssueAsync(new Caller(CallerKind.Staff, staffId, role), CancellationToken.None);

    public Task<string> DepartmentTokenAsync(string departmentId) =>
        _host.App.Services.GetRequiredService<ITokenStore>().IssueAsync(new Caller(CallerKind.Department, departmentId, StaffRole.None), CancellationToken.None);

    /// <summary>Calls a method; returns the gRPC status code, its message, and the parsed answer when OK.</summary>
    public async Task<(int Status, string Message, TResponse? Response)> CallAsync<TResponse>(
        string path, IMessage request, MessageParser<TResponse> parser, string token)
        where TResponse : class, IMessage<TResponse>
    {
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        message.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (Header(response, "grpc-status") is not { } statusText)
        {
            return (-1, $"no grpc-status: HTTP {(int)response.StatusCode}, {System.Text.Encoding.UTF8.GetString(body)}", null);
        }

        var status = int.Parse(statusText, System.Globalization.CultureInfo.InvariantCulture);
        var text = Uri.UnescapeDataString(Header(response, "grpc-message") ?? "");
        if (status != 0)
        {
            return (status, text, null);
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        Assert.Equal(0, body[0]);
        Assert.Equal(5 + length, body.Length);
        return (status, text, parser.ParseFrom(body, 5, length));
    }

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values)
            ? values.First()
            : null;
}
