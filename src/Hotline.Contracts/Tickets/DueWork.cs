namespace Hotline.Contracts.Tickets;

/// <summary>What a ticket did when the scheduler found it due: alarms issued, and a return-visit call to place, if any.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DueWork([property: Id(0)] int Issued, [property: Id(1)] ReturnVisitCall? Call);
