namespace Hotline.Contracts.Scheduling;

/// <summary>One pending job of the scheduler.</summary>
/// <param name="JobId">"ticket/{ticket id}/{name}": names the job for a reschedule or cancel.</param>
/// <param name="Deadline">"sign" or "handle" for deadline alarms; null otherwise.</param>
/// <param name="DeadlineDueAt">The deadline's own due time, for deadline alarms.</param>
/// <param name="DepartmentId">The lead department a deadline binds.</param>
/// <param name="Rescheduled">A supervisor set <paramref name="DueAt"/>; it is not the rule's time.</param>
[GenerateSerializer]
[Immutable]
public sealed record ScheduledJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] ScheduledJobKind Kind,
    [property: Id(2)] string? TicketId,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] string? Deadline,
    [property: Id(5)] DateTimeOffset? DeadlineDueAt,
    [property: Id(6)] string? DepartmentId,
    [property: Id(7)] bool Rescheduled);
