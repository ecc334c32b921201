namespace Hotline.Contracts.Tickets;

/// <summary>One entry of a ticket's history (流转记录), in the order it happened.</summary>
/// <param name="Version">1 for the creation, then one more per event.</param>
/// <param name="Type">What happened, e.g. "created", "dispatched", "returned".</param>
/// <param name="Actor">Who did it: "staff:&lt;id&gt;" or "department:&lt;id&gt;".</param>
/// <param name="Reason">The free-text reason, answer, reply or note, when the event has one.</param>
/// <param name="DetailsJson">The event's full data as JSON.</param>
[GenerateSerializer]
[Immutable]
public sealed record TicketHistoryEntry([property: Id(0)] long Version, [property: Id(1)] string Type, [property: Id(2)] string Actor, [property: Id(3)] DateTimeOffset At, [property: Id(4)] string? Reason, [property: Id(5)] string DetailsJson);
