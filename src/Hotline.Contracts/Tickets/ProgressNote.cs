namespace Hotline.Contracts.Tickets;

/// <summary>A progress note (进展) added by the lead or an assisting department.</summary>
public sealed record ProgressNote(string DepartmentId, string Note, DateTimeOffset At);
