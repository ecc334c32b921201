namespace Hotline.Contracts.Scheduling;

/// <summary>One page of pending jobs; <see cref="NextPageToken"/> is null on the last.</summary>
public sealed record ScheduledJobPage(IReadOnlyList<ScheduledJob> Jobs, string? NextPageToken);
