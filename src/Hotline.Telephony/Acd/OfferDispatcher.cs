using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

/// <summary>
/// Offers and their deadlines: waiting calls offered to the selected agents, offers ended (answered
/// elsewhere, declined, unanswered), ring timeouts, wrap-up ends and maximum waits.
/// </summary>
internal sealed class OfferDispatcher(AcdBook book, AgentSelector selector)
{
    /// <summary>The earliest ring timeout, wrap-up end or maximum wait; null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (QueuedCall call in book.Line.Calls)
            {
                next = Earliest(next, call.RingEndsAt);
                next = Earliest(next, OverflowsAt(call));
            }

            foreach (AcdAgent agent in book.Agents.Values)
            {
                next = Earliest(next, agent.WrapUpEndsAt);
            }

            return next;
        }
    }

    /// <summary>Applies every deadline that has passed: ring timeouts, wrap-up ends, maximum waits.</summary>
    public void ProcessDue()
    {
        DateTimeOffset now = book.Now;
        foreach (QueuedCall call in book.Line.Calls.Where(c => c.RingEndsAt <= now).OrderBy(c => c.RingEndsAt).ToList())
        {
            NoAnswer(book.Agents[call.RingingAgent!], OfferEndReason.RingTimeout);
        }

        foreach (AcdAgent agent in book.Agents.Values.Where(a => a.WrapUpEndsAt <= now).OrderBy(a => a.WrapUpEndsAt).ToList())
        {
            book.FinishWrapUp(agent, "wrap-up time over");
        }

        Dispatch();
    }

    /// <summary>Offers waiting calls, in service order, to the best ready agent for each.</summary>
    public void Dispatch()
    {
        OverflowExpired();
        int ready = book.Agents.Values.Count(a => a.State == AgentState.Ready);
        foreach (QueuedCall call in book.Line.Calls)
        {
            if (ready == 0)
            {
                return;
            }

            if (call.RingingAgent is null && selector.Select(call) is { } agent)
            {
                Offer(call, agent);
                ready--;
            }
        }
    }

    /// <summary>Ends the agent's current offer and puts the call back in line (its place unchanged).</summary>
    public void EndOffer(AcdAgent agent, OfferEndReason reason, AgentState next, string stateReason)
    {
        string callId = agent.CallId!;
        if (book.Line.TryGet(callId, out QueuedCall call))
        {
            call.RingingAgent = null;
            call.RingEndsAt = null;
            call.MarkTried(agent.Id);

            // The transfer's target did not take it: the caller goes on to anyone able, still at the head of the line.
            call.TargetAgent = null;
        }

        book.Add(new OfferEnded(book.Now, callId, agent.Id, reason));
        agent.CallId = null;
        book.Move(agent, next, stateReason, callId);
    }

    public void NoAnswer(AcdAgent agent, OfferEndReason reason)
    {
        agent.ConsecutiveNoAnswers++;
        if (agent.ConsecutiveNoAnswers >= book.Options.MaxConsecutiveNoAnswers)
        {
            EndOffer(agent, reason, AgentState.NotReady, $"no answer {agent.ConsecutiveNoAnswers} times in a row");
        }
        else
        {
            EndOffer(agent, reason, AgentState.Ready, "no answer");
        }
    }

    /// <summary>Rings <paramref name="agent"/> with <paramref name="call"/>.</summary>
    public void Offer(QueuedCall call, AcdAgent agent)
    {
        call.RingingAgent = agent.Id;
        call.RingEndsAt = book.Now + call.Queue.RingTimeout;
        agent.CallId = call.CallId;
        selector.Assigned(call.Queue.Id, agent.Id);
        book.Move(agent, AgentState.Ringing, call.Callback is null ? "offered call" : "offered callback", call.CallId);
        string number = call.Callback?.Number ?? call.CallerNumber;
        book.Add(new CallOffered(book.Now, call.CallId, agent.Id, number, call.Callback is not null));
    }

    private void OverflowExpired()
    {
        DateTimeOffset now = book.Now;
        foreach (QueuedCall call in book.Line.Calls.Where(c => OverflowsAt(c) <= now).ToList())
        {
            book.Line.Remove(call);
            TimeSpan waited = now - call.EnqueuedAt;
            book.Add(new CallOverflowed(now, call.CallId, call.Queue.Id, call.Queue.OverflowTarget, waited));
            if (call.Queue.OverflowTarget is null)
            {
                book.RequestCallback(call, call.CallerNumber, CallbackKind.Overflow);
            }
        }
    }

    /// <summary>A queued callback keeps its place with no limit; a ringing call finishes its ring first.</summary>
    private static DateTimeOffset? OverflowsAt(QueuedCall call) =>
        call.Callback is null && call.RingingAgent is null ? call.EnqueuedAt + call.Queue.MaxWait : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
