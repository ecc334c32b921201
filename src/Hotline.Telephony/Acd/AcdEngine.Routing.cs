using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

public sealed partial class AcdEngine
{
    private readonly Dictionary<string, string> _lastAssigned = new(StringComparer.Ordinal);

    /// <summary>Offers waiting calls, in service order, to the best ready agent for each.</summary>
    private void Dispatch()
    {
        OverflowExpired();
        int ready = _agents.Values.Count(a => a.State == AgentState.Ready);
        foreach (QueuedCall call in _waiting)
        {
            if (ready == 0)
            {
                return;
            }

            if (call.RingingAgent is null && Select(call) is { } agent)
            {
                Offer(call, agent);
                ready--;
            }
        }
    }

    private AcdAgent? Select(QueuedCall call)
    {
        if (call.TargetAgent is { } target)
        {
            return _agents[target] is { State: AgentState.Ready } agent ? agent : null;
        }

        string skill = call.Queue.Skill;
        var candidates = _agents.Values
            .Where(a => a.State == AgentState.Ready && a.LevelFor(skill) > 0 && !call.TriedAgents.Contains(a.Id))
            .ToList();
        if (candidates.Count == 0)
        {
            // Everyone able has been tried once: go round again rather than leave the caller waiting.
            candidates = _agents.Values.Where(a => a.State == AgentState.Ready && a.LevelFor(skill) > 0).ToList();
            call.ForgetTried();
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // Higher skill levels are offered first; the strategy chooses within the best level present.
        int best = candidates.Max(a => a.LevelFor(skill));
        candidates.RemoveAll(a => a.LevelFor(skill) != best);
        return call.Queue.Strategy switch
        {
            RoutingStrategy.RoundRobin => NextInTurn(call.Queue.Id, candidates),
            RoutingStrategy.FewestCalls => candidates
                .OrderBy(a => a.CallsAnswered).ThenBy(a => a.IdleSince).ThenBy(a => a.Id, StringComparer.Ordinal).First(),
            _ => candidates.OrderBy(a => a.IdleSince).ThenBy(a => a.Id, StringComparer.Ordinal).First(),
        };
    }

    private AcdAgent NextInTurn(string queueId, List<AcdAgent> candidates)
    {
        candidates.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        if (_lastAssigned.TryGetValue(queueId, out string? last))
        {
            AcdAgent? after = candidates.FirstOrDefault(a => string.CompareOrdinal(a.Id, last) > 0);
            if (after is not null)
            {
                return after;
            }
        }

        return candidates[0];
    }

    private void Offer(QueuedCall call, AcdAgent agent)
    {
        call.RingingAgent = agent.Id;
        call.RingEndsAt = Now + call.Queue.RingTimeout;
        agent.CallId = call.CallId;
        _lastAssigned[call.Queue.Id] = agent.Id;
        Move(agent, AgentState.Ringing, call.Callback is null ? "offered call" : "offered callback", call.CallId);
        string number = call.Callback?.Number ?? call.CallerNumber;
        _events.Add(new CallOffered(Now, call.CallId, agent.Id, number, call.Callback is not null));
    }

    /// <summary>Ends the agent's current offer and puts the call back in line (its place unchanged).</summary>
    private void EndOffer(AcdAgent agent, OfferEndReason reason, AgentState next, string stateReason)
    {
        string callId = agent.CallId!;
        if (_waitingById.TryGetValue(callId, out QueuedCall? call))
        {
            call.RingingAgent = null;
            call.RingEndsAt = null;
            call.MarkTried(agent.Id);

            // The transfer's target did not take it: the caller goes on to anyone able, still at the head of the line.
            call.TargetAgent = null;
        }

        _events.Add(new OfferEnded(Now, callId, agent.Id, reason));
        agent.CallId = null;
        Move(agent, next, stateReason, callId);
    }

    private void NoAnswer(AcdAgent agent, OfferEndReason reason)
    {
        agent.ConsecutiveNoAnswers++;
        if (agent.ConsecutiveNoAnswers >= _options.MaxConsecutiveNoAnswers)
        {
            EndOffer(agent, reason, AgentState.NotReady, $"no answer {agent.ConsecutiveNoAnswers} times in a row");
        }
        else
        {
            EndOffer(agent, reason, AgentState.Ready, "no answer");
        }
    }

    private void OverflowExpired()
    {
        DateTimeOffset now = Now;
        foreach (QueuedCall call in _waiting.Where(c => OverflowsAt(c) <= now).ToList())
        {
            Remove(call);
            TimeSpan waited = now - call.EnqueuedAt;
            _events.Add(new CallOverflowed(now, call.CallId, call.Queue.Id, call.Queue.OverflowTarget, waited));
            if (call.Queue.OverflowTarget is null)
            {
                RequestCallback(call, call.CallerNumber, CallbackKind.Overflow);
            }
        }
    }

    /// <summary>A queued callback keeps its place with no limit; a ringing call finishes its ring first.</summary>
    private static DateTimeOffset? OverflowsAt(QueuedCall call) =>
        call.Callback is null && call.RingingAgent is null ? call.EnqueuedAt + call.Queue.MaxWait : null;
}
