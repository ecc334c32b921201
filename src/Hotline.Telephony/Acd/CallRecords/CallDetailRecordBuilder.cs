using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>Folds a call's events, in order, into its detail record. Pure: same events, same record.</summary>
public static class CallDetailRecordBuilder
{
    public static CallDetailRecord Fold(string callId, IEnumerable<CallRecordEvent> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(events);
        var record = new CallDetailRecord { CallId = callId };
        var path = new List<string>();
        var offers = new List<AgentOfferRecord>();
        var transfers = new List<TransferRecord>();
        var supervision = new List<SupervisorActionRecord>();
        DateTimeOffset? leftQueueAt = null;
        DateTimeOffset? firstHangUpAt = null;
        foreach (CallRecordEvent e in events)
        {
            switch (e)
            {
                case CallArrived a:
                    record = record with { Caller = a.Caller, Called = a.Called, ArrivedAt = a.At };
                    break;
                case IvrStepTaken s:
                    path.Add(s.Step);
                    break;
                case QueueEntered q:
                    record = record with { QueueId = q.QueueId, Priority = q.Priority, QueuedAt = record.QueuedAt ?? q.At };
                    break;
                case AgentOffered o:
                    offers.Add(new AgentOfferRecord(o.AgentId, o.At, null, null));
                    break;
                case AgentOfferEnded o:
                    int open = offers.FindLastIndex(x => x.AgentId == o.AgentId && x.Reason is null);
                    if (open >= 0)
                    {
                        offers[open] = offers[open] with { EndedAt = o.At, Reason = o.Reason };
                    }

                    if (o.Reason == OfferEndReason.Answered && record.AnsweredAt is null)
                    {
                        record = record with { AnsweredAt = o.At, AnsweredBy = o.AgentId };
                        leftQueueAt ??= o.At;
                    }

                    break;
                case CallTransferred t:
                    transfers.Add(new TransferRecord(t.At, t.FromAgentId, t.Target, t.Attended));
                    break;
                case SupervisorActed acted:
                    supervision.Add(new SupervisorActionRecord(acted.At, acted.SupervisorId, acted.Action, acted.Detail));
                    break;
                case RecordingStarted r:
                    record = record with { RecordingPath = record.RecordingPath ?? r.Path };
                    break;
                case CallbackAccepted c:
                    record = record with { CallbackNumber = c.Number };
                    leftQueueAt ??= c.At;
                    break;
                case QueueOverflowed o:
                    record = record with { OverflowTarget = o.Target ?? string.Empty };
                    leftQueueAt ??= o.At;
                    break;
                case SurveyAnswered s:
                    record = record with { Survey = s.Result };
                    break;
                case CallHungUp h:
                    // The first hang-up says who ended the conversation; when the agent leaves first the
                    // caller stays for the survey, so the call itself ends at the last one.
                    record = record with { HangUpSide = record.HangUpSide ?? h.Side, EndedAt = h.At };
                    firstHangUpAt ??= h.At;
                    break;
            }
        }

        leftQueueAt ??= firstHangUpAt;
        DateTimeOffset? talkEnd = firstHangUpAt;
        return record with
        {
            IvrPath = path,
            Offers = offers,
            Transfers = transfers,
            SupervisorActions = supervision,
            WaitTime = record.QueuedAt is { } queued && leftQueueAt is { } left ? left - queued : null,
            TimeToAnswer = record.AnsweredAt - record.ArrivedAt,
            TalkTime = record.AnsweredAt is { } answered && talkEnd is { } end ? end - answered : null,
            Disposition = DispositionOf(record),
        };
    }

    private static CallDisposition DispositionOf(CallDetailRecord r) => r switch
    {
        { AnsweredAt: not null } => CallDisposition.Answered,
        { CallbackNumber: not null } => CallDisposition.CallbackRequested,
        { OverflowTarget: not null } => CallDisposition.Overflow,
        { EndedAt: null } => CallDisposition.InProgress,
        { QueuedAt: not null } => CallDisposition.AbandonedInQueue,
        _ => CallDisposition.AbandonedInIvr,
    };
}
