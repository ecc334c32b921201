namespace Hotline.Silo.Reports;

/// <summary>
/// The additive counters a report is computed from; one column each in the daily snapshot (report_daily),
/// named by <see cref="ReportMeasures.Column"/>. Rates are never stored: they are ratios of summed counters,
/// so a month is the sum of its days and rounding never accumulates.
/// </summary>
internal enum ReportMeasure
{
    /// <summary>Calls that asked for an agent (entered a queue).</summary>
    CallsOffered,
    CallsAnswered,
    CallsAbandoned,

    /// <summary>Answered within 15 s of arrival.</summary>
    AnsweredIn15Seconds,

    /// <summary>Answered within the service-level target (Reports:ServiceLevelSeconds) of arrival.</summary>
    AnsweredInServiceLevel,

    /// <summary>Sum of the answered calls' queue waits, milliseconds (ASA's numerator).</summary>
    AnswerWaitMilliseconds,

    /// <summary>Sum of the answered calls' talk times, milliseconds (AHT's numerator).</summary>
    TalkMilliseconds,
    TicketsCreated,
    TicketsMerged,
    ResolvedDirectly,
    Dispatched,
    Claims,
    ClaimsOnTime,
    Replies,
    RepliesOnTime,
    Returns,
    Extensions,
    Closed,
    CallbacksDue,
    CallbacksValid,
    CallbacksSatisfied,

    /// <summary>Handling deadlines that passed with no reply (the scheduler's overdue alarm on the handling deadline).</summary>
    OverdueUnreplied,
}
