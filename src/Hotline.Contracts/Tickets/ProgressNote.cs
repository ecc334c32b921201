namespace Hotline.Contracts.Tickets;

/// <summary>A progress note (进展) added by the lead or an assisting department.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ProgressNote([property: Id(0)] string DepartmentId, [property: Id(1)] string Note, [property: Id(2)] DateTimeOffset At);
