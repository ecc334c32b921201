namespace Hotline.Contracts.Scheduling;

/// <summary>A checked ListScheduledJobs request: every filter optional, the window [From, To).</summary>
public sealed record ScheduledJobQuery(string? TicketId, ScheduledJobKind? Kind, DateTimeOffset? From, DateTimeOffset? To, int PageSize, string? PageToken);
