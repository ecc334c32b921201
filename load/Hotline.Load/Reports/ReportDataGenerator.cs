using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;
using Hotline.Telephony.Acd.CallRecords;

namespace Hotline.Load.Reports;

/// <summary>
/// Writes a synthetic hotline history straight into the store's tables (call_records, ticket_events) in the
/// formats the host writes: call records through its JSON context, ticket events through its serializer.
/// Deterministic (fixed seed). One batch per day into <see cref="IReportRows"/> (SQLite or PostgreSQL).
/// </summary>
internal sealed class ReportDataGenerator(IReportRows rows, int callsPerDay, int ticketsPerDay)
{
    private readonly Random _random = new(12345);
    private long _events;

    public long Calls { get; private set; }

    public long Tickets { get; private set; }

    public long Events => _events;

    public async Task GenerateAsync(DateOnly from, DateOnly to)
    {
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            for (var i = 0; i < callsPerDay; i++)
            {
                WriteCall($"{day:yyyyMMdd}-c{i}", midnight.AddSeconds(_random.Next(86_400)));
            }

            for (var i = 0; i < ticketsPerDay; i++)
            {
                WriteTicket($"{day:yyyyMMdd}-t{i}", midnight.AddSeconds(_random.Next(86_400)));
            }

            await rows.EndDayAsync();
        }
    }

    private void WriteCall(string id, DateTimeOffset arrived)
    {
        var roll = _random.NextDouble();
        var queue = "Q" + (1 + _random.Next(5));
        CallDetailRecord record;
        if (roll < 0.05)
        {
            record = new CallDetailRecord { CallId = id, ArrivedAt = arrived, Disposition = CallDisposition.AbandonedInIvr, EndedAt = arrived.AddSeconds(20) };
        }
        else if (roll < 0.15)
        {
            var wait = TimeSpan.FromSeconds(5 + _random.Next(90));
            record = new CallDetailRecord { CallId = id, ArrivedAt = arrived, QueueId = queue, Disposition = CallDisposition.AbandonedInQueue, WaitTime = wait, EndedAt = arrived + wait };
        }
        else
        {
            var toAnswer = TimeSpan.FromSeconds(2 + _random.Next(40));
            var talk = TimeSpan.FromSeconds(30 + _random.Next(400));
            record = new CallDetailRecord
            {
                CallId = id, ArrivedAt = arrived, QueueId = queue, AnsweredBy = "A" + _random.Next(200).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                AnsweredAt = arrived + toAnswer, Disposition = CallDisposition.Answered, TimeToAnswer = toAnswer, WaitTime = toAnswer - TimeSpan.FromSeconds(2),
                TalkTime = talk, EndedAt = arrived + toAnswer + talk,
            };
        }

        rows.Call(id, arrived, StoredName.Of(record.Disposition), record.QueueId, record.AnsweredBy, record.EndedAt!.Value,
            JsonSerializer.Serialize(record, CallRecordJsonContext.Default.CallDetailRecord));
        Calls++;
    }

    private void WriteTicket(string id, DateTimeOffset created)
    {
        var version = 0;
        var agent = "staff:A" + _random.Next(200).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        void Write(string actor, DateTimeOffset at, TicketEvent change)
        {
            rows.Event(id, ++version, change.Type, actor, at, TicketSerializer.Write(change));
            _events++;
        }

        var category = (Category)_random.Next(6);
        Write(agent, created, new TicketCreated("13800000000", "市民", category, "D" + _random.Next(16), "某路", "诉求内容", Urgency.Normal));
        var at = created.AddMinutes(3);
        var roll = _random.NextDouble();
        if (roll < 0.02)
        {
            Write(agent, at, new TicketMerged("parent", "重复件"));
        }
        else if (roll < 0.40)
        {
            var closed = _random.NextDouble() < 0.5;
            Write(agent, at, new TicketResolvedDirectly("答复", closed ? TicketState.Closed : TicketState.AwaitingCallback));
            if (!closed)
            {
                Write("staff:V01", at.AddHours(20), new CallbackRecorded(Satisfaction(), null));
            }
        }
        else
        {
            Dispatch(Write, agent, ref at);
        }

        Tickets++;
    }

    private void Dispatch(Action<string, DateTimeOffset, TicketEvent> write, string agent, ref DateTimeOffset at)
    {
        var department = "D" + _random.Next(40).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var handleDue = at.AddDays(5);
        write(agent, at, new TicketDispatched(department, [], null, false, new Deadline(at, at.AddHours(8), true), new Deadline(at, handleDue, true), null));
        if (_random.NextDouble() < 0.05)
        {
            at = at.AddHours(2);
            write("department:" + department, at, new TicketReturned("非本单位职责"));
            department = "D" + _random.Next(40).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            at = at.AddMinutes(30);
            write(agent, at, new TicketDispatched(department, [], null, false, new Deadline(at, at.AddHours(8), true), new Deadline(at, handleDue, true), null));
        }

        at = at.AddMinutes(20 + _random.Next(600));
        write("department:" + department, at, new TicketClaimed());
        if (_random.NextDouble() < 0.1)
        {
            handleDue = handleDue.AddDays(3);
            write("staff:S01", at.AddHours(5), new ExtensionDecided(true, null, handleDue));
        }

        at = at.AddHours(2 + _random.Next(7 * 24));
        if (at > handleDue)
        {
            // The scheduler's alarm when the handling deadline passed unreplied (超期未办结).
            write("system:scheduler", handleDue, new DeadlineAlarmed(DeadlineKind.Handle, AlarmLevel.Overdue, handleDue, department));
        }

        write("department:" + department, at, new TicketReplied("已办结"));
        at = at.AddHours(1);
        write("staff:S01", at, new ReplyReviewed(true, null));
        at = at.AddHours(4);
        write("staff:V01", at, new CallbackRecorded(Satisfaction(), null));
    }

    private Satisfaction Satisfaction()
    {
        var roll = _random.NextDouble();
        return roll < 0.85 ? Contracts.Tickets.Satisfaction.Satisfied
            : roll < 0.93 ? Contracts.Tickets.Satisfaction.BasicallySatisfied
            : roll < 0.97 ? Contracts.Tickets.Satisfaction.Unsatisfied
            : Contracts.Tickets.Satisfaction.Unreachable;
    }
}
