namespace Hotline.Telephony.Sip.Transactions;

/// <summary>RFC 3261 §17.1.1.1 / Table 4 base values; every transaction timer (A–M) derives from these.</summary>
internal sealed record SipTimers
{
    public static readonly SipTimers Default = new();

    /// <summary>RTT estimate, 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network, 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>64*T1: timers B, F, H, J, L and M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D: at least 32 s for unreliable transports (§17.1.1.2).</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32);
}
