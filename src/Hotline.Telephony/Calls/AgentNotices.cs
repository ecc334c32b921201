using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Fans each agent's call notices out to that agent's open WatchCalls streams. A watcher that stops reading
/// loses its oldest notices rather than growing memory: the desk shows the current call, not a backlog.
/// </summary>
internal sealed class AgentNotices
{
    private const int Backlog = 64;
    private readonly Dictionary<string, List<Channel<AgentCallNotice>>> _watchers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Publish(string agentId, AgentCallNotice notice)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(agentId, out var channels))
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryWrite(notice);
                }
            }
        }
    }

    public async IAsyncEnumerable<AgentCallNotice> WatchAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<AgentCallNotice>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (!_watchers.TryGetValue(agentId, out var channels))
            {
                _watchers[agentId] = channels = [];
            }
            channels.Add(channel);
        }
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var notice))
                {
                    yield return notice;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                var channels = _watchers[agentId];
                channels.Remove(channel);
                if (channels.Count == 0)
                {
                    _watchers.Remove(agentId);
                }
            }
        }
    }

    /// <summary>Ends every stream (host stopping): watchers finish normally.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var channel in _watchers.Values.SelectMany(c => c))
            {
                channel.Writer.TryComplete();
            }
        }
    }
}
