using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Registrar;

namespace Hotline.Telephony.Calls;

internal sealed partial class CallCenter
{
    /// <summary>
    /// A phone registered or went away. Registered: the agent joins the ACD with its directory skills
    /// (OFFLINE → READY with Acd:ReadyOnRegister, else NOT_READY). Gone (unregistered, lapsed, stopped
    /// answering OPTIONS): OFFLINE whatever it was doing, so lost signalling never leaves it stuck ON_CALL.
    /// </summary>
    public void OnRegistrationChanged(AgentRegistrationChange change)
    {
        if (change.IsReachable)
        {
            if (change.Kind == RegistrationChangeKind.Registered)
            {
                _ = JoinAsync(change.AgentId);
            }
            return;
        }
        var reason = change.Kind switch
        {
            RegistrationChangeKind.Lapsed => "registration lapsed",
            RegistrationChangeKind.Unreachable => "phone stopped answering",
            _ => "unregistered",
        };
        Post(() =>
        {
            if (_acd.FindAgent(change.AgentId) is not null)
            {
                Run(acd => acd.SetOffline(change.AgentId, reason));
            }
        });
    }

    private async Task JoinAsync(string agentId)
    {
        AgentCredential? agent;
        try
        {
            agent = await _credentials.FindAsync(agentId, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The directory being down must not lose the registration: join with default skills.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.DirectoryFailed(_logger, agentId, exception);
            agent = null;
        }
        var skills = agent?.Skills is { Count: > 0 } own ? own : new Dictionary<string, int> { [_options.DefaultSkill] = 1 };
        Post(() =>
        {
            _acd.UpsertAgent(agentId, skills);
            Run(acd => acd.AgentRegistered(agentId));
        });
    }

    public Task<CallCenterResult> SetReadyAsync(string agentId, CancellationToken cancellationToken) =>
        AgentCommandAsync(agentId, acd => acd.SetReady(agentId));

    public Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "a reason is required for NOT_READY"))
            : AgentCommandAsync(agentId, acd => acd.SetNotReady(agentId, reason.Trim()));

    public Task<CallCenterResult> EndWrapUpAsync(string agentId, CancellationToken cancellationToken) =>
        AgentCommandAsync(agentId, acd => acd.EndWrapUp(agentId));

    public Task<CallCenterResult> HoldAsync(string agentId, bool hold, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.SetHold(hold)
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));

    public Task<CallCenterResult> TransferAsync(string agentId, string target, bool attended, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.Transfer(target, attended)
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));

    public IAsyncEnumerable<AgentCallNotice> WatchCallsAsync(string agentId, CancellationToken cancellationToken) =>
        _notices.WatchAsync(agentId, cancellationToken);

    public IReadOnlyList<AgentSnapshot> ListAgents() => _loop.InvokeAsync(() => _acd.Agents
        .OrderBy(a => a.Id, StringComparer.Ordinal)
        .Select(a => new AgentSnapshot(a.Id, a.State, a.Reason, a.StateSince, a.CallId, a.Skills, a.CallsAnswered))
        .ToList()).GetAwaiter().GetResult();

    public IReadOnlyList<QueueSnapshot> ListQueues() => _loop.InvokeAsync(() =>
    {
        var now = Time.GetUtcNow();
        return _acd.Queues.OrderBy(q => q.Id, StringComparer.Ordinal).Select(queue =>
        {
            var waiting = _acd.Waiting.Where(c => c.Queue.Id == queue.Id).ToList();
            var able = _acd.Agents.Where(a => a.Skills.GetValueOrDefault(queue.Skill) > 0).ToList();
            var estimate = waiting.Count > 0 ? _acd.Status(waiting[^1].CallId)?.EstimatedWait : null;
            return new QueueSnapshot(
                queue.Id,
                queue.Skill,
                waiting.Count,
                waiting.Count == 0 ? TimeSpan.Zero : now - waiting.Min(c => c.EnqueuedAt),
                able.Count(a => a.State == AgentState.Ready),
                able.Count(a => a.State is AgentState.Ringing or AgentState.OnCall or AgentState.WrapUp),
                estimate);
        }).ToList();
    }).GetAwaiter().GetResult();

    private Task<CallCenterResult> AgentCommandAsync(string agentId, Func<AcdEngine, AcdOutcome> command) =>
        _loop.InvokeAsync(() =>
        {
            if (_acd.FindAgent(agentId) is null)
            {
                return CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has not registered a phone");
            }
            var outcome = Run(command);
            return outcome.IsRefused ? CallCenterResult.Refuse(CallCenterRefusal.WrongState, outcome.Refusal!) : CallCenterResult.Done;
        });

    private HotlineCall? CallOf(string agentId) => _calls.Values.FirstOrDefault(c => c.ConnectedAgent == agentId);
}
