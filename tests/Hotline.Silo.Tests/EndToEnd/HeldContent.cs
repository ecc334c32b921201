using System.Net;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>A request body that is written only after a signal, keeping the call open at the server until then.</summary>
internal sealed class HeldContent(byte[] body, TaskCompletionSource opened, Task release) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // HttpClient has sent the HEADERS frame of the stream before it asks for the body.
        await stream.FlushAsync();
        opened.TrySetResult();
        await release;
        await stream.WriteAsync(body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
