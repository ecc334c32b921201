using Hotline.Silo.Grains;
using Hotline.Silo.Storage;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Agents;

/// <summary>
/// An agent's activation: loads the newest kept change, then appends each new one with the next sequence
/// number. Turns run one at a time, so numbers never race within a host; if an append fails the numbering
/// is read again from the store before the next change.
/// </summary>
internal sealed class AgentGrain(IGrainContext context, IAgentStateLog log, ILogger<AgentGrain> logger) : IAgentGrain, IActivationHooks
{
    public const int MaxHistory = 1000;

    private bool _loaded;
    private long _seq;
    private AgentState _state = AgentState.Offline;

    public Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RecordAsync(AgentStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!_loaded)
        {
            await LoadAsync(CancellationToken.None);
        }

        if (change.From != _state)
        {
            // The engine's view and the kept one differ (e.g. after a restart); the change is still kept as
            // reported, and the log shows the gap.
            AgentLog.StateGap(logger, context.Key, _state, change.From, change.To);
        }

        try
        {
            await log.AppendAsync(context.Key, _seq + 1, change, CancellationToken.None);
        }
        catch
        {
            _loaded = false;
            throw;
        }

        _seq++;
        _state = change.To;
    }

    public async Task<AgentState> GetStateAsync()
    {
        if (!_loaded)
        {
            await LoadAsync(CancellationToken.None);
        }

        return _state;
    }

    public Task<IReadOnlyList<StoredAgentStateChange>> GetHistoryAsync(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxHistory);
        return log.ReadRecentAsync(context.Key, limit, CancellationToken.None);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var latest = await log.ReadLatestAsync(context.Key, cancellationToken);
        _seq = latest?.Seq ?? 0;
        _state = latest?.Change.To ?? AgentState.Offline;
        _loaded = true;
    }
}
