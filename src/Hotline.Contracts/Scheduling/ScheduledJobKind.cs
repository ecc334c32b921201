namespace Hotline.Contracts.Scheduling;

/// <summary>What a scheduled job does (the wire's ScheduledJobKind).</summary>
[GenerateSerializer]
public enum ScheduledJobKind
{
    DeadlineWarning,
    DeadlineOverdue,
    DeadlineEscalation,
    ReturnVisit,
    Callback,
    ReportSnapshot,
}
