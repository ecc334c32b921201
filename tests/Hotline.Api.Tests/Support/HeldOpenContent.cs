using System.Net;

namespace Hotline.Api.Tests.Support;

/// <summary>A request body that sends some bytes and then stays open until released or cancelled,
/// so a test can see the server answer before the body has arrived.</summary>
internal sealed class HeldOpenContent : HttpContent
{
    private readonly byte[] _start;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldOpenContent(byte[] start) => _start = start;

    public void Release() => _release.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_start, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        await _release.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
