namespace Hotline.Telephony.Acd;

/// <summary>How a queue picks among equally skilled ready agents.</summary>
public enum RoutingStrategy
{
    /// <summary>The agent ready the longest gets the call (the default: spreads work fairly).</summary>
    LongestIdle,

    /// <summary>Agents in turn, in id order, continuing after the last one given a call.</summary>
    RoundRobin,

    /// <summary>The agent who answered the fewest calls; ties go to the longest idle.</summary>
    FewestCalls,
}
