namespace Hotline.Silo.Storage;

/// <summary>A ticket with an alarm due, and when it became due.</summary>
internal sealed record DueAlarm(string TicketId, DateTimeOffset At);
