using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>The library's default callback store, for the edge on its own; the host replaces it with its database.</summary>
internal sealed class InMemoryCallbackRequestStore : ICallbackRequestStore
{
    private readonly List<CallbackRequest> _pending = [];
    private readonly Lock _gate = new();

    public Task SaveAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_pending.Exists(r => r.CallId == request.CallId))
            {
                _pending.Add(request);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CallbackRequest>> ListPendingAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<CallbackRequest>>(_pending.Take(limit).ToList());
        }
    }

    public Task<bool> CompleteAsync(string callId, string outcome, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pending.RemoveAll(r => r.CallId == callId) > 0);
        }
    }

    public Task<int> CancelForNumberAsync(string number, DateTimeOffset before, string outcome, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pending.RemoveAll(r => r.Number == number && r.RequestedAt < before));
        }
    }
}
