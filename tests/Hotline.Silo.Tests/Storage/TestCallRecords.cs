using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;

namespace Hotline.Silo.Tests.Storage;

/// <summary>Call detail records for the store tests: every field set, times off whole seconds and not in UTC.</summary>
internal static class TestCallRecords
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);

    public static CallDetailRecord Full(string callId, DateTimeOffset arrivedAt) => new()
    {
        CallId = callId,
        Caller = "13800001234",
        Called = "12345",
        ArrivedAt = arrivedAt,
        IvrPath = ["greeting", "menu", "key:2"],
        QueueId = "utilities",
        Priority = 2,
        QueuedAt = arrivedAt.AddSeconds(7.5),
        Offers =
        [
            new AgentOfferRecord("1001", arrivedAt.AddSeconds(8), arrivedAt.AddSeconds(23), OfferEndReason.RingTimeout),
            new AgentOfferRecord("1002", arrivedAt.AddSeconds(23), arrivedAt.AddSeconds(26.0000003), OfferEndReason.Answered),
            new AgentOfferRecord("1003", arrivedAt.AddSeconds(30), null, null),
        ],
        AnsweredAt = arrivedAt.AddSeconds(26.0000003),
        AnsweredBy = "1002",
        Transfers = [new TransferRecord(arrivedAt.AddMinutes(2), "1002", "zjw", Attended: true)],
        SupervisorActions = [new SupervisorActionRecord(arrivedAt.AddMinutes(1), "S02", SupervisorActionKind.MonitorModeChanged, "whisper")],
        HangUpSide = HangUpSide.Caller,
        EndedAt = arrivedAt.AddMinutes(4),
        RecordingPath = "recordings/2026/12/06/" + callId + ".wav",
        CallbackNumber = "13800001234",
        OverflowTarget = "overflow-queue",
        Survey = SurveyResult.BasicallySatisfied,
        Disposition = CallDisposition.Answered,
        WaitTime = TimeSpan.FromTicks(185_000_003),
        TimeToAnswer = TimeSpan.FromTicks(260_000_003),
        TalkTime = TimeSpan.FromMinutes(4) - TimeSpan.FromTicks(260_000_003),
    };

    /// <summary>Asserts every field came back, instants and offsets to the tick.</summary>
    public static void AssertSame(CallDetailRecord expected, CallDetailRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equivalent(expected, actual, strict: true);
        Assert.Equal(expected.IvrPath, actual.IvrPath);
        Assert.Equal(expected.Offers, actual.Offers);
        Assert.Equal(expected.Transfers, actual.Transfers);
        Assert.Equal(expected.SupervisorActions, actual.SupervisorActions);
        Assert.Equal(expected.WaitTime, actual.WaitTime);
        Assert.Equal(expected.TimeToAnswer, actual.TimeToAnswer);
        Assert.Equal(expected.TalkTime, actual.TalkTime);
        Assert.Equal(expected.ArrivedAt!.Value.Ticks, actual.ArrivedAt!.Value.Ticks);
        Assert.Equal(expected.ArrivedAt.Value.Offset, actual.ArrivedAt.Value.Offset);
        Assert.Equal(expected.AnsweredAt!.Value.Ticks, actual.AnsweredAt!.Value.Ticks);
        Assert.Equal(expected.Offers[1].EndedAt!.Value.Ticks, actual.Offers[1].EndedAt!.Value.Ticks);
        Assert.Equal(expected.Offers[1].EndedAt!.Value.Offset, actual.Offers[1].EndedAt!.Value.Offset);
        Assert.Equal(
            expected with { IvrPath = [], Offers = [], Transfers = [], SupervisorActions = [] },
            actual with { IvrPath = [], Offers = [], Transfers = [], SupervisorActions = [] });
    }
}
