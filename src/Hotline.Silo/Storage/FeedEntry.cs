namespace Hotline.Silo.Storage;

/// <summary>A stored feed notice with its sequence number; the sequence is the resume cursor.</summary>
internal sealed record FeedEntry(long Sequence, string DepartmentId, string TicketId, string Kind, DateTimeOffset At, string PayloadJson);
