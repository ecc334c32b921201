namespace Hotline.Contracts.Tickets;

/// <summary>The latest callback (回访) to the citizen.</summary>
/// <param name="Attempts">Callbacks recorded so far, unreachable ones included.</param>
public sealed record CallbackResult(Satisfaction Satisfaction, string? Note, DateTimeOffset At, int Attempts);
