namespace Hotline.Silo.Tickets.Events;

/// <summary>An event with its actor ("staff:A01", "department:D01") and the moment it was decided.</summary>
internal sealed record TicketChange(TicketEvent Event, string Actor, DateTimeOffset At);
