namespace Hotline.Silo.Reports;

/// <summary>The figures a report shows, in the order of its columns.</summary>
internal enum ReportFigure
{
    CallsOffered,
    CallsAnswered,
    CallsAbandoned,
    AnswerRate,
    AnswerRate15Seconds,
    AverageSpeedOfAnswerSeconds,
    AverageHandleTimeSeconds,
    ServiceLevel,
    TicketsCreated,
    DirectResolutionRate,
    Dispatched,
    OnTimeClaimRate,
    OnTimeReplyRate,
    CompletionRate,
    ReturnRate,
    ExtensionRate,
    Overdue,
    OverdueUnreplied,
    CallbackRate,
    SatisfactionRate,
    ThreeRateScore,
}
