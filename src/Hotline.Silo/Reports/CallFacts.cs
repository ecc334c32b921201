using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Reports;

/// <summary>
/// What one call record contributes to reports, dated by the call's arrival. A call counts as offered when it
/// asked for an agent (entered a queue); calls that ended in the greeting or menu are not offered to anyone.
/// </summary>
internal static class CallFacts
{
    public static readonly TimeSpan FifteenSeconds = TimeSpan.FromSeconds(15);

    /// <summary>Adds the call's counters; false (nothing added) for a call still in progress or that never queued.</summary>
    public static bool AddTo(ReportCounters counters, CallDetailRecord call, TimeSpan serviceLevel)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(call);
        if (call.Disposition is CallDisposition.InProgress or CallDisposition.AbandonedInIvr || call.QueueId is null)
        {
            return false;
        }

        counters.Add(ReportMeasure.CallsOffered);
        if (call.Disposition == CallDisposition.Answered && call.TimeToAnswer is { } toAnswer)
        {
            counters.Add(ReportMeasure.CallsAnswered);
            counters.Add(ReportMeasure.AnswerWaitMilliseconds, (long)(call.WaitTime ?? toAnswer).TotalMilliseconds);
            counters.Add(ReportMeasure.TalkMilliseconds, (long)(call.TalkTime ?? TimeSpan.Zero).TotalMilliseconds);
            if (toAnswer <= FifteenSeconds)
            {
                counters.Add(ReportMeasure.AnsweredIn15Seconds);
            }

            if (toAnswer <= serviceLevel)
            {
                counters.Add(ReportMeasure.AnsweredInServiceLevel);
            }
        }
        else if (call.Disposition == CallDisposition.AbandonedInQueue)
        {
            counters.Add(ReportMeasure.CallsAbandoned);
        }

        return true;
    }
}
