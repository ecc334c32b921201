using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Silo.Cluster;
using Hotline.Silo.Storage;
using Hotline.Telephony.Acd;
using Orleans;

namespace Hotline.Silo.Agents;

/// <summary>
/// An agent's activation: loads the newest kept change, then appends each new one with the next sequence
/// number. Turns run one at a time, so numbers never race within a host; if an append fails the numbering
/// is read again from the store before the next change.
/// </summary>
internal sealed class AgentGrain(IAgentStateLog log, ILogger<AgentGrain> logger) : Grain, IAgentGrain
{
    public const int MaxHistory = 1000;

    private bool _loaded;
    private long _seq;
    private AgentState _state = AgentState.Offline;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => StorageFaults.GuardAsync(LoadAsync(cancellationToken));

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
            AgentLog.StateGap(logger, Id, _state, change.From, change.To);
        }

        try
        {
            await log.AppendAsync(Id, _seq + 1, change, CancellationToken.None);
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
        return log.ReadRecentAsync(Id, limit, CancellationToken.None);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var latest = await log.ReadLatestAsync(Id, cancellationToken);
        _seq = latest?.Seq ?? 0;
        _state = latest?.Change.To ?? AgentState.Offline;
        _loaded = true;
    }
}
