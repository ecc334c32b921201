namespace Hotline.Contracts.Tickets;

/// <summary>The latest callback (回访) to the citizen in the current round (since the ticket last began awaiting one).</summary>
/// <param name="Attempts">Callbacks recorded in this round, unreachable ones included.</param>
public sealed record CallbackResult(Satisfaction Satisfaction, string? Note, DateTimeOffset At, int Attempts);
