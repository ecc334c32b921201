namespace Hotline.Contracts.Tickets;

/// <summary>The latest callback (回访) to the citizen in the current round (since the ticket last began awaiting one).</summary>
/// <param name="Attempts">Callbacks recorded in this round, unreachable ones included.</param>
[GenerateSerializer]
[Immutable]
public sealed record CallbackResult([property: Id(0)] Satisfaction Satisfaction, [property: Id(1)] string? Note, [property: Id(2)] DateTimeOffset At, [property: Id(3)] int Attempts);
