namespace Hotline.Contracts.Tickets;

/// <summary>A return-visit (回访) call the scheduler must place now: the ticket grain decided it and counted the attempt.</summary>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="QueueId">The agent queue the answered call goes to (agent mode).</param>
/// <param name="Automated">The edge plays the automated survey and collects the key instead of queueing the call for an agent.</param>
[GenerateSerializer]
[Immutable]
public sealed record ReturnVisitCall(
    [property: Id(0)] string TicketId, [property: Id(1)] string Number, [property: Id(2)] int Attempt, [property: Id(3)] string QueueId, [property: Id(4)] bool Automated = false);
