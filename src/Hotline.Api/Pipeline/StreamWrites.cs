using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hotline.Api.Pipeline;

/// <summary>Writes to a server stream whose client may have stopped reading.</summary>
internal static class StreamWrites
{
    // RFC 9113 §7 ENHANCE_YOUR_CALM; gRPC's PROTOCOL-HTTP2 maps it to RESOURCE_EXHAUSTED at the client.
    private const int EnhanceYourCalm = 0xb;

    /// <summary>
    /// Writes <paramref name="message"/>, waiting at most <paramref name="limit"/> for room: a write waits
    /// while the client's HTTP/2 window and the server's buffer are full, so a client that never reads would
    /// hold the stream and its memory forever. Past the limit the stream is reset with ENHANCE_YOUR_CALM,
    /// which the client sees as RESOURCE_EXHAUSTED: trailers cannot overtake the unread data, a reset can.
    /// </summary>
    public static async Task WriteWithinAsync<T>(
        this IServerStreamWriter<T> stream, T message, ServerCallContext context, TimeSpan limit, TimeProvider timeProvider)
    {
        using var slow = new CancellationTokenSource(limit, timeProvider);
        var reset = context.GetHttpContext().Features.Get<IHttpResetFeature>();
        using var cutOff = slow.Token.Register(() => reset?.Reset(EnhanceYourCalm));
        try
        {
            await stream.WriteAsync(message, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (slow.IsCancellationRequested && exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"The client did not read for {limit.TotalSeconds:0.#} s (Grpc:Streams:SlowConsumerTimeout); the stream was cut off. Resume from the last cursor received."));
        }
    }
}
