namespace Hotline.Telephony.Acd;

/// <summary>A queue's routing rules. Calls in a queue go to agents holding its skill.</summary>
public sealed record AcdQueueOptions
{
    public required string Id { get; init; }

    /// <summary>The skill an agent needs to take this queue's calls.</summary>
    public required string Skill { get; init; }

    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.LongestIdle;

    /// <summary>How long an agent's phone rings before the call goes to the next agent.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>After-call work time before the agent is ready again (WRAP_UP state).</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest a caller waits before the call overflows.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where overflowing calls go (another queue id or a number); null means voicemail/callback.</summary>
    public string? OverflowTarget { get; init; }

    /// <summary>Offer a queued callback when the estimated wait exceeds this; null never offers.</summary>
    public TimeSpan? CallbackOfferThreshold { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Handle time assumed until the queue has its own recent history.</summary>
    public TimeSpan DefaultHandleTime { get; init; } = TimeSpan.FromMinutes(3);
}
