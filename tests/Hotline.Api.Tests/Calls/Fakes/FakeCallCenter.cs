using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hotline.Telephony.Calls;

namespace Hotline.Api.Tests.Calls.Fakes;

/// <summary>
/// An in-memory <see cref="ICallCenter"/>: commands are recorded and answered with <see cref="NextResult"/>;
/// each agent's call notices come from a channel the test writes to.
/// </summary>
internal sealed class FakeCallCenter : ICallCenter, IThreePartyCalls, IAgentCalls, IConsultations
{
    private readonly ConcurrentDictionary<string, Channel<AgentCallNotice>> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _watchStopped = new(StringComparer.Ordinal);

    /// <summary>What each command did, e.g. "SetNotReady S01 lunch".</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public CallCenterResult NextResult { get; set; } = CallCenterResult.Done;

    public List<AgentSnapshot> Agents { get; } = [];

    public List<QueueSnapshot> Queues { get; } = [];

    /// <summary>Notices written here reach the agent's WatchCalls; completing it ends the watch.</summary>
    public ChannelWriter<AgentCallNotice> CallsOf(string agentId) => Channel(agentId).Writer;

    /// <summary>Completes when the agent's watch enumeration was disposed (client left or server stopped).</summary>
    public Task WatchStopped(string agentId) => Stopped(agentId).Task;

    public Task<CallCenterResult> SetReadyAsync(string agentId, CancellationToken cancellationToken) =>
        Record($"SetReady {agentId}");

    public Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        Record($"SetNotReady {agentId} {reason}");

    public Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        Record($"LogOut {agentId} {reason}");

    public Task<CallCenterResult> ReleaseCallAsync(string callId, string reason, CancellationToken cancellationToken) =>
        Record($"Release {callId} {reason}");

    public Task<CallCenterResult> EndWrapUpAsync(string agentId, CancellationToken cancellationToken) =>
        Record($"EndWrapUp {agentId}");

    public Task<CallCenterResult> HoldAsync(string agentId, bool hold, CancellationToken cancellationToken) =>
        Record($"Hold {agentId} {hold}");

    public Task<CallCenterResult> TransferAsync(string agentId, string target, bool attended, CancellationToken cancellationToken) =>
        Record($"Transfer {agentId} {target} {(attended ? "attended" : "blind")}");

    public Task<CallCenterResult> AddThirdPartyAsync(string agentId, string number, CancellationToken cancellationToken) =>
        Record($"AddParty {agentId} {number}");

    public Task<CallCenterResult> PlaceCallAsync(string agentId, string number, CancellationToken cancellationToken) =>
        Record($"PlaceCall {agentId} {number}");

    public Task<CallCenterResult> ConsultAsync(string agentId, string target, CancellationToken cancellationToken) =>
        Record($"Consult {agentId} {target}");

    public Task<CallCenterResult> CompleteTransferAsync(string agentId, CancellationToken cancellationToken) =>
        Record($"CompleteTransfer {agentId}");

    public Task<CallCenterResult> CancelConsultAsync(string agentId, CancellationToken cancellationToken) =>
        Record($"CancelConsult {agentId}");

    public Task<CallCenterResult> LeaveThreePartyAsync(string agentId, CancellationToken cancellationToken) =>
        Record($"LeaveParty {agentId}");

    public async IAsyncEnumerable<AgentCallNotice> WatchCallsAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var notice in Channel(agentId).Reader.ReadAllAsync(cancellationToken))
            {
                yield return notice;
            }
        }
        finally
        {
            Stopped(agentId).TrySetResult();
        }
    }

    public IReadOnlyList<AgentSnapshot> ListAgents() => Agents;

    public IReadOnlyList<QueueSnapshot> ListQueues() => Queues;

    /// <summary>Nothing here changes by itself.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    private Task<CallCenterResult> Record(string command)
    {
        Commands.Enqueue(command);
        return Task.FromResult(NextResult);
    }

    private Channel<AgentCallNotice> Channel(string agentId) =>
        _calls.GetOrAdd(agentId, _ => System.Threading.Channels.Channel.CreateUnbounded<AgentCallNotice>());

    private TaskCompletionSource Stopped(string agentId) =>
        _watchStopped.GetOrAdd(agentId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
