using Hotline.Contracts.Grains;
using Hotline.Silo.Grains;

namespace Hotline.Silo.Tests.Grains;

internal sealed class CounterGrain(IGrainContext context, GrainProbe probe, IGrainFactory grains) : ICounterGrain, IActivationHooks
{
    private readonly List<int> _values = [];
    private int _count;
    private int _activationNumber;
    private bool _inTurn;
    private bool _deactivated;

    public Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activationNumber = probe.BeginActivation();
        return Task.CompletedTask;
    }

    public async Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        await probe.DeactivationGate;
        _deactivated = true;
        probe.EndActivation();
    }

    public async Task<int> IncrementAsync()
    {
        Enter();
        var value = _count;
        await Task.Yield();
        _count = value + 1;
        Exit();
        return _count;
    }

    public async Task AppendAsync(int value)
    {
        Enter();
        await Task.Yield();
        _values.Add(value);
        Exit();
    }

    public Task<IReadOnlyList<int>> ReadAsync() => Task.FromResult<IReadOnlyList<int>>([.. _values]);

    public Task<int> ActivationNumberAsync()
    {
        Enter();
        Exit();
        return Task.FromResult(_activationNumber);
    }

    public async Task WaitForAsync(Task gate, CancellationToken cancellationToken)
    {
        Enter();
        await gate;
        Exit();
    }

    public Task ThrowAsync(Exception exception) => Task.FromException(exception);

    public Task RetireAsync()
    {
        context.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<int> IncrementOtherAsync(string otherKey) => grains.GetGrain<ICounterGrain>(otherKey).IncrementAsync();

    private void Enter()
    {
        if (_inTurn || _deactivated)
        {
            throw new InvalidOperationException(_inTurn ? "turns overlapped" : "called a deactivated grain");
        }

        _inTurn = true;
        Interlocked.Increment(ref probe.CallsRun);
    }

    private void Exit() => _inTurn = false;
}
