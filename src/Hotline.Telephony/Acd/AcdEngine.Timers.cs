namespace Hotline.Telephony.Acd;

public sealed partial class AcdEngine
{
    /// <summary>The earliest ring timeout, wrap-up end or maximum wait; null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (QueuedCall call in _waiting)
            {
                next = Earliest(next, call.RingEndsAt);
                next = Earliest(next, OverflowsAt(call));
            }

            foreach (AcdAgent agent in _agents.Values)
            {
                next = Earliest(next, agent.WrapUpEndsAt);
            }

            return next;
        }
    }

    /// <summary>Applies every deadline that has passed: ring timeouts, wrap-up ends, maximum waits.</summary>
    public AcdOutcome ProcessDue()
    {
        DateTimeOffset now = Now;
        foreach (QueuedCall call in _waiting.Where(c => c.RingEndsAt <= now).OrderBy(c => c.RingEndsAt).ToList())
        {
            NoAnswer(_agents[call.RingingAgent!], OfferEndReason.RingTimeout);
        }

        foreach (AcdAgent agent in _agents.Values.Where(a => a.WrapUpEndsAt <= now).OrderBy(a => a.WrapUpEndsAt).ToList())
        {
            FinishWrapUp(agent, "wrap-up time over");
        }

        Dispatch();
        return Done();
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
