using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

public sealed partial class AcdEngine
{
    /// <summary>Transferred calls go ahead of every ordinary caller: they already waited once.</summary>
    public const int TransferPriority = 1_000;

    /// <summary>
    /// The connected agent hands the call on, to another agent (offered to that agent only; if that offer
    /// ends unanswered the call goes to anyone able in its queue, still at the head of the line) or to
    /// another queue. The transferring agent goes to wrap-up as if the call had ended for it.
    /// </summary>
    public AcdOutcome Transfer(string callId, string fromAgentId, string target)
    {
        if (!_active.TryGetValue(callId, out ActiveCall? active) || active.AgentId != fromAgentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not connected to agent {fromAgentId}");
        }

        AcdQueueOptions queue;
        string? targetAgent = null;
        if (_queues.TryGetValue(target, out AcdQueueOptions? targetQueue))
        {
            queue = targetQueue;
        }
        else if (_agents.TryGetValue(target, out AcdAgent? agent) && agent.Id != fromAgentId)
        {
            if (agent.State != AgentState.Ready)
            {
                return AcdOutcome.Refuse($"agent {target} is {agent.State}");
            }

            queue = active.Queue;
            targetAgent = target;
        }
        else
        {
            return AcdOutcome.Refuse($"{target} is neither a queue nor another agent");
        }

        _active.Remove(callId);
        EndConnected(callId, active);
        var call = new QueuedCall(callId, active.CallerNumber, queue, Math.Max(active.Priority, TransferPriority), Now, _arrivals++)
        {
            TargetAgent = targetAgent,
        };
        int index = _waiting.FindIndex(other => ServiceOrder(call, other) < 0);
        _waiting.Insert(index < 0 ? _waiting.Count : index, call);
        _waitingById.Add(callId, call);
        QueueStatus status = StatusOf(call);
        _events.Add(new CallQueued(Now, callId, queue.Id, status.Position, status.EstimatedWait));
        Dispatch();
        return Done();
    }

    /// <summary>Whether a transfer target names a queue or a known agent (the desk answers INVALID_ARGUMENT otherwise).</summary>
    public bool IsTransferTarget(string target) => _queues.ContainsKey(target) || _agents.ContainsKey(target);
}
