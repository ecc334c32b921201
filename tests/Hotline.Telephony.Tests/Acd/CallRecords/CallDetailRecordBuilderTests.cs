using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Tests.Acd.CallRecords;

public sealed class CallDetailRecordBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Fold_AnsweredAfterOneNoAnswer_AgentHangsUpThenSurvey_FullRecord()
    {
        CallRecordEvent[] events =
        [
            new CallArrived(At(0), "13800000001", "12345"),
            new IvrStepTaken(At(0), "greeting"),
            new IvrStepTaken(At(4), "key:2"),
            new QueueEntered(At(4), "utilities", 0),
            new AgentOffered(At(4), "1001"),
            new AgentOfferEnded(At(19), "1001", OfferEndReason.RingTimeout),
            new AgentOffered(At(19), "1002"),
            new AgentOfferEnded(At(22), "1002", OfferEndReason.Answered),
            new RecordingStarted(At(22), "/data/recordings/2026/11/22/c1.wav"),
            new CallTransferred(At(100), "1002", "1003", Attended: true),
            new CallHungUp(At(202), HangUpSide.Agent),
            new SurveyAnswered(At(210), SurveyResult.BasicallySatisfied),
            new CallHungUp(At(213), HangUpSide.System),
        ];

        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c1", events);

        Assert.Equal(("13800000001", "12345", At(0)), (cdr.Caller, cdr.Called, cdr.ArrivedAt));
        Assert.Equal(["greeting", "key:2"], cdr.IvrPath);
        Assert.Equal(("utilities", At(4)), (cdr.QueueId, cdr.QueuedAt));
        Assert.Equal(
            [
                new AgentOfferRecord("1001", At(4), At(19), OfferEndReason.RingTimeout),
                new AgentOfferRecord("1002", At(19), At(22), OfferEndReason.Answered),
            ],
            cdr.Offers);
        Assert.Equal(("1002", At(22)), (cdr.AnsweredBy, cdr.AnsweredAt));
        Assert.Equal(new TransferRecord(At(100), "1002", "1003", true), Assert.Single(cdr.Transfers));
        Assert.Equal((HangUpSide.Agent, At(213)), (cdr.HangUpSide, cdr.EndedAt));
        Assert.Equal(TimeSpan.FromSeconds(18), cdr.WaitTime);
        Assert.Equal(TimeSpan.FromSeconds(22), cdr.TimeToAnswer);
        Assert.Equal(TimeSpan.FromSeconds(180), cdr.TalkTime);
        Assert.Equal("/data/recordings/2026/11/22/c1.wav", cdr.RecordingPath);
        Assert.Equal(SurveyResult.BasicallySatisfied, cdr.Survey);
        Assert.Equal(CallDisposition.Answered, cdr.Disposition);
    }

    [Fact]
    public void Fold_CallerHangsUpWhileRinging_AbandonedInQueueWithWait()
    {
        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c2",
        [
            new CallArrived(At(0), "1", "12345"),
            new QueueEntered(At(5), "general", 0),
            new AgentOffered(At(5), "1001"),
            new AgentOfferEnded(At(12), "1001", OfferEndReason.CallerAbandoned),
            new CallHungUp(At(12), HangUpSide.Caller),
        ]);

        Assert.Equal(CallDisposition.AbandonedInQueue, cdr.Disposition);
        Assert.Equal(TimeSpan.FromSeconds(7), cdr.WaitTime);
        Assert.Null(cdr.TalkTime);
        Assert.Null(cdr.TimeToAnswer);
        Assert.Equal(HangUpSide.Caller, cdr.HangUpSide);
    }

    [Fact]
    public void Fold_CallerHangsUpInMenu_AbandonedInIvr()
    {
        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c3",
        [
            new CallArrived(At(0), "1", "12345"),
            new IvrStepTaken(At(0), "greeting"),
            new IvrStepTaken(At(5), "menu"),
            new CallHungUp(At(7), HangUpSide.Caller),
        ]);

        Assert.Equal(CallDisposition.AbandonedInIvr, cdr.Disposition);
        Assert.Null(cdr.WaitTime);
    }

    [Fact]
    public void Fold_CallbackAccepted_CallbackRequestedAndWaitEndsAtAcceptance()
    {
        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c4",
        [
            new CallArrived(At(0), "1", "12345"),
            new QueueEntered(At(3), "general", 0),
            new CallbackAccepted(At(40), "13900000000"),
            new CallHungUp(At(45), HangUpSide.System),
        ]);

        Assert.Equal(CallDisposition.CallbackRequested, cdr.Disposition);
        Assert.Equal("13900000000", cdr.CallbackNumber);
        Assert.Equal(TimeSpan.FromSeconds(37), cdr.WaitTime);
    }

    [Fact]
    public void Fold_Overflowed_OverflowWithTarget()
    {
        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c5",
        [
            new QueueEntered(At(0), "general", 0),
            new QueueOverflowed(At(300), "backup"),
            new CallHungUp(At(360), HangUpSide.Caller),
        ]);

        Assert.Equal((CallDisposition.Overflow, "backup"), (cdr.Disposition, cdr.OverflowTarget));
        Assert.Equal(TimeSpan.FromMinutes(5), cdr.WaitTime);
    }

    [Fact]
    public void Fold_NoHangUpYet_InProgress()
    {
        CallDetailRecord cdr = CallDetailRecordBuilder.Fold("c6", [new CallArrived(At(0), "1", "12345"), new QueueEntered(At(2), "general", 0)]);

        Assert.Equal(CallDisposition.InProgress, cdr.Disposition);
        Assert.Null(cdr.WaitTime);
    }
}
