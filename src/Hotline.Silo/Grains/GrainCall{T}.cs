namespace Hotline.Silo.Grains;

/// <summary>A call whose grain method returns <c>Task&lt;T&gt;</c> (or a plain Task when <c>returnsValue</c> is false).</summary>
internal sealed class GrainCall<T> : GrainCall
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<object, object?[], Task> _method;
    private readonly object?[] _args;
    private readonly bool _returnsValue;
    private readonly CancellationTokenRegistration _cancellation;

    public GrainCall(GrainId target, Func<object, object?[], Task> method, object?[] args, bool returnsValue, CancellationToken cancellationToken)
        : base(target)
    {
        _method = method;
        _args = args;
        _returnsValue = returnsValue;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((GrainCall<T>)state!).OnCallerGaveUp(token), this);
        }
    }

    public override Task Completion => _completion.Task;

    public override async Task RunAsync(object grain)
    {
        _cancellation.Dispose();
        try
        {
            var task = _method(grain, _args);
            if (_returnsValue)
            {
                _completion.TrySetResult(await ((Task<T>)task).ConfigureAwait(false));
            }
            else
            {
                await task.ConfigureAwait(false);
                _completion.TrySetResult(default!);
            }
        }
        catch (Exception exception)
        {
            // The same exception object reaches the caller: grain errors propagate unchanged.
            _completion.TrySetException(exception);
        }
    }

    public override void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    private void OnCallerGaveUp(CancellationToken token)
    {
        if (TryDrop())
        {
            _completion.TrySetCanceled(token);
        }
    }
}
