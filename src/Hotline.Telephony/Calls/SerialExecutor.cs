using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Runs the call center's work one item at a time, in posting order. The ACD engine and every call's state
/// are single-writer (the engine is not thread-safe by design), while SIP responses, RTP digits, prompt ends
/// and timers arrive on many threads: they post here instead of taking locks. Items must not block; slow
/// work (storage) is handed to its own writer.
/// </summary>
internal sealed class SerialExecutor : IAsyncDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _loop;

    public SerialExecutor(ILogger logger)
    {
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public void Post(Action action) => _work.Writer.TryWrite(action);

    /// <summary>Runs <paramref name="function"/> on the loop and returns its result (faults propagate to the caller).</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = _work.Writer.TryWrite(() =>
        {
            try
            {
                result.SetResult(function());
            }
#pragma warning disable CA1031 // The fault belongs to the caller awaiting the result.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                result.SetException(exception);
            }
        });
        if (!posted)
        {
            result.SetException(new ObjectDisposedException(nameof(SerialExecutor)));
        }
        return result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var action in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                action();
            }
#pragma warning disable CA1031 // One call's fault must not stop every other call's work.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CallsLog.WorkFailed(_logger, exception);
            }
        }
    }
}
