namespace Hotline.Silo.Storage;

/// <summary>One entry of a ticket's history (流转记录): what happened, who did it, when, and its data as JSON.</summary>
internal sealed record StoredEvent(long Version, string Type, string Actor, DateTimeOffset At, string DataJson);
