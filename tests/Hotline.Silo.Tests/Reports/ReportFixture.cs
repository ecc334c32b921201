using Hotline.Contracts.Tickets;
using Hotline.Silo.Reports;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Silo.Tests.Reports;

/// <summary>
/// A small hand-made hotline, days in UTC: five tickets and five calls on 2 and 3 March 2026, with the figures
/// computed by hand in <see cref="ReportDefinitionsTests"/>. Events are written by the real serializer, so the
/// extractor reads what the store holds.
/// </summary>
internal static class ReportFixture
{
    public static readonly DateOnly Day1 = new(2026, 3, 2);
    public static readonly DateOnly Day2 = new(2026, 3, 3);

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, 1 + day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static IReadOnlyList<IReadOnlyList<StoredEvent>> Tickets() =>
    [
        // T1: dispatched to D1, claimed and replied on time, citizen satisfied; an overdue alarm that raced the reply does not count.
        History(
            ("staff:A01", At(1, 9), Created(Category.Complaint, "Xuhui")),
            ("staff:A01", At(1, 9, 10), Dispatch("D1", At(1, 10), At(3, 9))),
            ("department:D1", At(1, 9, 30), new TicketClaimed()),
            ("department:D1", At(2, 10), new TicketReplied("fixed")),
            ("system:scheduler", At(2, 10, 1), Alarm(DeadlineKind.Handle, AlarmLevel.Overdue, At(2, 10), "D1")),
            ("staff:A01", At(2, 11), new ReplyReviewed(true, null)),
            ("staff:A03", At(2, 15), new CallbackRecorded(Satisfaction.Satisfied, null))),

        // T2: returned by D1 before signing, re-dispatched to D2, signed late, extended, replied late; unreachable, then basically satisfied.
        // The scheduler's alarms: signing overdue (not 超期未办结), then the extended handling deadline passing unreplied (超期未办结 for D2 on day 2).
        History(
            ("staff:A01", At(1, 9, 5), Created(Category.Help, "Minhang")),
            ("staff:A01", At(1, 9, 20), Dispatch("D1", At(1, 12), At(4, 9))),
            ("department:D1", At(1, 11), new TicketReturned("not ours")),
            ("staff:S01", At(1, 11, 30), Dispatch("D2", At(1, 12), At(2, 9))),
            ("system:scheduler", At(1, 12), Alarm(DeadlineKind.Sign, AlarmLevel.Overdue, At(1, 12), "D2")),
            ("department:D2", At(1, 13), new TicketClaimed()),
            ("staff:S01", At(1, 14), new ExtensionDecided(true, null, At(2, 12))),
            ("system:scheduler", At(2, 12), Alarm(DeadlineKind.Handle, AlarmLevel.Overdue, At(2, 12), "D2")),
            ("department:D2", At(2, 13), new TicketReplied("done")),
            ("staff:S01", At(2, 14), new ReplyReviewed(true, null)),
            ("staff:A03", At(2, 16), new CallbackRecorded(Satisfaction.Unreachable, null)),
            ("staff:A03", At(2, 17), new CallbackRecorded(Satisfaction.BasicallySatisfied, null))),

        // T3: answered on the spot, the citizen unsatisfied.
        History(
            ("staff:A02", At(1, 10), Created(Category.Consultation, "Xuhui")),
            ("staff:A02", At(1, 10, 5), new TicketResolvedDirectly("see the rules", TicketState.AwaitingCallback)),
            ("staff:A03", At(2, 9), new CallbackRecorded(Satisfaction.Unsatisfied, null))),

        // T4: a duplicate of T1, merged into it.
        History(
            ("staff:A02", At(1, 10, 30), Created(Category.Complaint, "Xuhui")),
            ("staff:A02", At(1, 10, 31), new TicketMerged("T1", "same matter"))),

        // T5: answered on the spot, a category needing no callback.
        History(
            ("staff:A01", At(2, 8), Created(Category.Consultation, "Minhang")),
            ("staff:A01", At(2, 8, 3), new TicketResolvedDirectly("opening hours", TicketState.Closed))),

        // T6: created after the fixture's period (4 March): must not count.
        History(("staff:A01", At(3, 8), Created(Category.Help, "Xuhui"))),

        // T7: created, dispatched to D1 and claimed on 1 March (before the period: none of that counts), its handling deadline
        // passes unreplied on day 1 (超期未办结 for D1), escalated on day 2 (not counted again).
        History(
            ("staff:A02", At(0, 9), Created(Category.Complaint, "Minhang")),
            ("staff:A02", At(0, 9, 10), Dispatch("D1", At(0, 10), At(1, 17))),
            ("department:D1", At(0, 9, 40), new TicketClaimed()),
            ("system:scheduler", At(1, 17), Alarm(DeadlineKind.Handle, AlarmLevel.Overdue, At(1, 17), "D1")),
            ("system:scheduler", At(2, 17), Alarm(DeadlineKind.Handle, AlarmLevel.Escalated, At(1, 17), "D1"))),
    ];

    public static IReadOnlyList<CallDetailRecord> Calls() =>
    [
        Answered("C1", "Q1", "A01", At(1, 8), toAnswer: 10, wait: 8, talk: 120),
        Answered("C2", "Q1", "A02", At(1, 8, 5), toAnswer: 18, wait: 16, talk: 60),
        new() { CallId = "C3", ArrivedAt = At(1, 8, 6), QueueId = "Q1", Disposition = CallDisposition.AbandonedInQueue, WaitTime = TimeSpan.FromSeconds(40) },
        Answered("C4", "Q2", "A01", At(2, 9), toAnswer: 30, wait: 25, talk: 180),
        new() { CallId = "C5", ArrivedAt = At(2, 9, 1), Disposition = CallDisposition.AbandonedInIvr },
        Answered("C6", "Q2", "A01", At(3, 9), toAnswer: 5, wait: 5, talk: 50),
    ];

    /// <summary>The fixture summed into daily rows for 2–3 March, as the snapshot fill sums them.</summary>
    public static DailyAggregation Aggregate()
    {
        var aggregation = new DailyAggregation(Day1, Day2.AddDays(1), DayOf, TimeSpan.FromSeconds(20));
        foreach (var history in Tickets())
        {
            aggregation.AddTicket(TicketFactExtractor.Extract(history)!);
        }

        foreach (var call in Calls())
        {
            aggregation.AddCall(call);
        }

        return aggregation;
    }

    private static CallDetailRecord Answered(string id, string queue, string agent, DateTimeOffset arrived, int toAnswer, int wait, int talk) => new()
    {
        CallId = id,
        ArrivedAt = arrived,
        QueueId = queue,
        AnsweredBy = agent,
        AnsweredAt = arrived.AddSeconds(toAnswer),
        Disposition = CallDisposition.Answered,
        TimeToAnswer = TimeSpan.FromSeconds(toAnswer),
        WaitTime = TimeSpan.FromSeconds(wait),
        TalkTime = TimeSpan.FromSeconds(talk),
    };

    private static TicketCreated Created(Category category, string district) =>
        new("13800001234", "张三", category, district, "某路 1 号", "内容", Urgency.Normal);

    private static DeadlineAlarmed Alarm(DeadlineKind kind, AlarmLevel level, DateTimeOffset due, string department) => new(kind, level, due, department);

    private static TicketDispatched Dispatch(string department, DateTimeOffset signDue, DateTimeOffset handleDue) =>
        new(department, [], null, false, new Deadline(signDue.AddHours(-1), signDue, true), new Deadline(signDue, handleDue, true), null);

    private static List<StoredEvent> History(params (string Actor, DateTimeOffset At, TicketEvent Event)[] events) =>
        [.. events.Select((e, i) => new StoredEvent(i + 1, e.Event.Type, e.Actor, e.At, TicketSerializer.Write(e.Event)))];
}
