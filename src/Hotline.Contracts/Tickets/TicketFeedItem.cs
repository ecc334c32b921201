namespace Hotline.Contracts.Tickets;

/// <summary>A ticket sent to a department, as the department saw it at that moment.</summary>
/// <param name="Cursor">Pass this to <see cref="ITicketFeed.WatchAsync"/> to resume after this item.</param>
/// <param name="Kind">"dispatched" (lead, assisting or designated) or "return_rejected" (sent back after a return).</param>
public sealed record TicketFeedItem(long Cursor, string TicketId, string Kind, DateTimeOffset At, TicketView Ticket);
