using System.Collections.Concurrent;
using Grpc.Core;
using Hotline.Contracts.Security;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Pipeline;

/// <summary>
/// Counts the open streams of each caller so one token cannot open streams until the host runs out of
/// memory (each open stream holds a page of its feed and a write buffer).
/// </summary>
internal sealed class StreamSlots(IOptions<StreamOptions> options)
{
    private readonly ConcurrentDictionary<(CallerKind Kind, string Id), int> _open = new();

    /// <summary>Takes a slot for the caller, or throws RESOURCE_EXHAUSTED when it holds the most allowed; dispose to give it back.</summary>
    public IDisposable Take(Caller caller, string method)
    {
        var key = (caller.Kind, caller.Id);
        var max = options.Value.MaxPerCaller;
        while (true)
        {
            var open = _open.GetOrAdd(key, 0);
            if (open >= max)
            {
                throw new RpcException(new Status(
                    StatusCode.ResourceExhausted,
                    $"{method}: this caller already has {open} streams open, the most allowed (Grpc:Streams:MaxPerCaller); close one first."));
            }

            if (_open.TryUpdate(key, open + 1, open))
            {
                return new Slot(this, key);
            }
        }
    }

    private void Release((CallerKind, string) key)
    {
        while (true)
        {
            var open = _open[key];
            if (open == 1 ? _open.TryRemove(new KeyValuePair<(CallerKind, string), int>(key, 1)) : _open.TryUpdate(key, open - 1, open))
            {
                return;
            }
        }
    }

    private sealed class Slot(StreamSlots owner, (CallerKind, string) key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key);
            }
        }
    }
}
