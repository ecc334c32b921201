using System.Threading.Channels;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Hands every agent state change to the authority (the host's agent grain) in the order the ACD made them,
/// off the call center's loop so a slow store never delays a call.
/// </summary>
internal sealed class AgentStateWriter : IAsyncDisposable
{
    private readonly Channel<(string AgentId, AgentStateChange Change)> _changes = Channel.CreateUnbounded<(string, AgentStateChange)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IAgentStateAuthority _authority;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public AgentStateWriter(IAgentStateAuthority authority, ILogger logger)
    {
        _authority = authority;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public void Write(string agentId, AgentStateChange change) => _changes.Writer.TryWrite((agentId, change));

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _changes.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var (agentId, change) in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _authority.RecordAsync(agentId, change, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A lost history line is logged; the live state in the ACD stays right.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CallsLog.StateNotKept(_logger, agentId, change.To.ToString(), exception);
            }
        }
    }
}
