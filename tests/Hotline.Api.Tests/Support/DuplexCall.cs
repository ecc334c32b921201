using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Hotline.Api.Grpc.Framing;

namespace Hotline.Api.Tests.Support;

/// <summary>A live bidirectional call: the request body stays open while responses are read one by one.</summary>
internal sealed class DuplexCall : IAsyncDisposable
{
    private readonly PushContent _requestBody = new();
    private readonly HttpClient _http;
    private readonly Task<HttpResponseMessage> _responseTask;
    private HttpResponseMessage? _response;
    private PipeReader? _responseBody;

    public DuplexCall(Uri address, string path, string? token)
    {
        // The timeout bounds a broken server so the suite cannot hang; it is not asserted.
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = _requestBody,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        }

        _responseTask = _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task SendAsync(IMessage message)
    {
        await _requestBody.WriteAsync(RawGrpcClient.Frame(message));
    }

    public Task CompleteRequestAsync()
    {
        _requestBody.Complete();
        return Task.CompletedTask;
    }

    /// <summary>Reads the next response message, or null when the response body ended.</summary>
    public async Task<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        _response ??= await _responseTask;
        _responseBody ??= PipeReader.Create(await _response.Content.ReadAsStreamAsync());
        while (true)
        {
            var result = await _responseBody.ReadAsync();
            var buffer = result.Buffer;
            if (GrpcFrameReader.TryRead(ref buffer, int.MaxValue, out var frame, out _) == FrameReadResult.Complete)
            {
                T message = parser.ParseFrom(frame.Payload.ToArray());
                _responseBody.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted)
            {
                return null;
            }

            _responseBody.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public string? Trailer(string name) =>
        _response!.TrailingHeaders.TryGetValues(name, out var values) ? values.Single() : null;

    public async ValueTask DisposeAsync()
    {
        _requestBody.Complete();
        _response?.Dispose();
        _http.Dispose();
    }
}
