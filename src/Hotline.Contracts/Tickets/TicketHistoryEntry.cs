namespace Hotline.Contracts.Tickets;

/// <summary>One entry of a ticket's history (流转记录), in the order it happened.</summary>
/// <param name="Version">1 for the creation, then one more per event.</param>
/// <param name="Type">What happened, e.g. "created", "dispatched", "returned".</param>
/// <param name="Actor">Who did it: "staff:&lt;id&gt;" or "department:&lt;id&gt;".</param>
/// <param name="Reason">The free-text reason, answer, reply or note, when the event has one.</param>
/// <param name="DetailsJson">The event's full data as JSON.</param>
public sealed record TicketHistoryEntry(long Version, string Type, string Actor, DateTimeOffset At, string? Reason, string DetailsJson);
