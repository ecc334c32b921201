using Hotline.Silo.WebConsole;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Tests.WebConsole;

public sealed class CallFiguresTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Compute_HandCountedDay_RatesAsDefined()
    {
        CallDetailRecord[] records =
        [
            Answered("a", toAnswer: 10, wait: 5),
            Answered("b", toAnswer: 14, wait: 12),
            Answered("c", toAnswer: 40, wait: 30),
            new() { CallId = "d", QueueId = "general", ArrivedAt = At, Disposition = CallDisposition.AbandonedInQueue },
            new() { CallId = "e", QueueId = null, ArrivedAt = At, Disposition = CallDisposition.AbandonedInIvr },
        ];

        var figures = CallFigures.Compute(records, TimeSpan.FromSeconds(20));

        Assert.Equal((4, 3, 1), (figures.Offered, figures.Answered, figures.Abandoned));
        Assert.Equal(0.75, figures.AnswerRate);
        Assert.Equal(0.5, figures.Answered15Rate);
        Assert.Equal(0.5, figures.ServiceLevel);
        Assert.Equal((5 + 12 + 30) / 3.0, figures.AsaSeconds!.Value, precision: 9);
    }

    [Fact]
    public void Compute_NothingOffered_RatesUnknown()
    {
        var figures = CallFigures.Compute([], TimeSpan.FromSeconds(20));

        Assert.Equal((0, null, null, null), (figures.Offered, figures.AnswerRate, figures.AsaSeconds, figures.ServiceLevel));
    }

    private static CallDetailRecord Answered(string id, int toAnswer, int wait) => new()
    {
        CallId = id,
        QueueId = "general",
        ArrivedAt = At,
        AnsweredAt = At.AddSeconds(toAnswer),
        Disposition = CallDisposition.Answered,
        TimeToAnswer = TimeSpan.FromSeconds(toAnswer),
        WaitTime = TimeSpan.FromSeconds(wait),
    };
}
