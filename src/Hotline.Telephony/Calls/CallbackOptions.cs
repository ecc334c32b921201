namespace Hotline.Telephony.Calls;

/// <summary>
/// The "Callbacks" configuration section: which numbers the edge may call back at the hotline's cost, and how
/// the scheduler places stored callback requests (queued callbacks and 漏接回拨).
/// </summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>
    /// Regular expressions a callback number must match whole (Callbacks:AllowedNumbers:0, :1, …); any other
    /// number is kept and flagged for an agent, never dialled. Left unset: <see cref="CallbackNumberPolicy.DefaultPatterns"/>
    /// (mainland mobile and fixed-line numbers). Setting any entry replaces the defaults entirely.
    /// </summary>
    public List<string>? AllowedNumbers { get; set; }

    /// <summary>Calls placed for one request before it is given up as unreached.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Wait after the first unanswered attempt; it doubles after each further one, up to <see cref="MaxRetryInterval"/>.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// A queued callback keeps the caller's place: the queue calls back when the turn comes. The scheduler
    /// places it only when it is still pending this long after the request (the queue's turn was lost, e.g. to a restart).
    /// </summary>
    public TimeSpan QueuedGrace { get; set; } = TimeSpan.FromMinutes(15);
}
