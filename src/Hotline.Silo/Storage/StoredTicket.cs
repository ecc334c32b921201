namespace Hotline.Silo.Storage;

/// <summary>A ticket's current state as stored: the grain's state JSON and the version it is at.</summary>
internal sealed record StoredTicket(string TicketId, long Version, string StateJson);
