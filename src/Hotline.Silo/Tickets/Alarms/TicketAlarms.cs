using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// Which deadline alarms a ticket has pending, when the next is due, and which are due now. Plain code on
/// the ticket's state: the sweep finds tickets by the next due time stored beside them, and the ticket
/// grain asks this class what to issue, so moving or ending a deadline (extension, return, re-dispatch,
/// reply, closing) moves or cancels its alarms by itself.
/// </summary>
internal sealed class TicketAlarms(TicketOptions options, WorkCalendar calendar, ReturnVisitOptions? visits = null, QuietHours? quietHours = null)
{
    private readonly ReturnVisitOptions _visits = visits ?? new ReturnVisitOptions();
    private readonly QuietHours _quiet = quietHours ?? QuietHours.None;

    private static readonly AlarmLevel[] Levels = [AlarmLevel.Warning, AlarmLevel.Overdue, AlarmLevel.Escalated];

    /// <summary>
    /// Alarms not yet issued for the deadlines that bind the ticket in its current state, at a supervisor's time
    /// where one moved them; cancelled ones are not pending.
    /// </summary>
    public IEnumerable<DeadlineAlarm> Pending(TicketGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (kind, deadline) in Binding(state))
        {
            foreach (var level in Levels)
            {
                if (state.Alarms.Contains(new FiredAlarm(kind, level, deadline.Due)))
                {
                    continue;
                }

                var changed = state.AlarmOverrides?.LastOrDefault(o => o.Kind == kind && o.Level == level && o.Due == deadline.Due);
                if (changed is null)
                {
                    yield return new DeadlineAlarm(kind, level, deadline.Due, At(deadline, level));
                }
                else if (changed.At is { } at)
                {
                    yield return new DeadlineAlarm(kind, level, deadline.Due, at, Rescheduled: true);
                }
            }
        }
    }

    /// <summary>Every pending job of the ticket (its alarms, then its return visit), as the Supervision API lists them.</summary>
    public IEnumerable<ScheduledJob> Jobs(TicketGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var alarm in Pending(state))
        {
            yield return new ScheduledJob(
                JobNames.Id(state.Id, JobNames.Of(alarm.Kind, alarm.Level)), JobNames.KindOf(alarm.Level), state.Id, alarm.At,
                JobNames.Word(alarm.Kind), alarm.Due, state.LeadDepartmentId, alarm.Rescheduled);
        }

        if (NextVisitAt(state) is { } visit)
        {
            yield return new ScheduledJob(
                JobNames.Id(state.Id, JobNames.ReturnVisit), ScheduledJobKind.ReturnVisit, state.Id, visit, null, null, null, state.Visit!.MovedTo is not null);
        }
    }

    /// <summary>True when nobody may be called at <paramref name="at"/> (Schedule:QuietHours).</summary>
    public bool IsQuiet(DateTimeOffset at) => _quiet.IsQuiet(at, calendar.TimeZone);

    /// <summary>When the next alarm or return-visit step is due; null when none is pending.</summary>
    public DateTimeOffset? NextAt(TicketGrainState state)
    {
        var next = NextVisitAt(state);
        foreach (var alarm in Pending(state))
        {
            if (next is null || alarm.At < next)
            {
                next = alarm.At;
            }
        }

        return next;
    }

    /// <summary>The events for every alarm due at <paramref name="now"/>, in due order (a sweep late after a restart issues all it missed).</summary>
    public IReadOnlyList<TicketEvent> Due(TicketGrainState state, DateTimeOffset now) =>
        [.. Pending(state).Where(a => a.At <= now).OrderBy(a => a.At).ThenBy(a => a.Level)
            .Select(a => new DeadlineAlarmed(a.Kind, a.Level, a.Due, state.LeadDepartmentId))];

    /// <summary>
    /// When the next return-visit call is due (first: the delay after the ticket began awaiting it; later: the retry
    /// interval after the last), moved out of quiet hours; after the last attempt, when it counts as unanswered.
    /// Null when the ticket does not await a callback, the category is not visited automatically, or the round ended.
    /// </summary>
    public DateTimeOffset? NextVisitAt(TicketGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.State != TicketState.AwaitingCallback || state.Visit is not { Reached: false, Unanswered: false, Cancelled: false } visit
            || !_visits.Automatic(state.Category))
        {
            return null;
        }

        if (visit.MovedTo is { } moved)
        {
            return moved;
        }

        var at = visit.LastAttemptAt is { } last ? last + _visits.RetryInterval : visit.Since + _visits.Delay;
        return visit.Attempts >= _visits.Attempts ? at : _quiet.NextAllowed(at, calendar.TimeZone);
    }

    /// <summary>
    /// The return-visit step due now: the next attempt, or "unanswered" once the last attempt's time is up without an
    /// answer. Never a call in quiet hours: a visit that fell due while the host was down waits for their end.
    /// </summary>
    public TicketEvent? DueVisit(TicketGrainState state, DateTimeOffset now)
    {
        if (NextVisitAt(state) is not { } at || at > now)
        {
            return null;
        }

        var attempts = state.Visit!.Attempts;
        if (attempts >= _visits.Attempts)
        {
            return new ReturnVisitUnanswered(attempts);
        }

        return _quiet.IsQuiet(now, calendar.TimeZone) ? null : new ReturnVisitAttempted(attempts + 1);
    }

    /// <summary>Events for a finished call: its end, and "unanswered" when it was the last attempt and did not reach the citizen.</summary>
    public IReadOnlyList<TicketEvent> VisitEnded(TicketGrainState state, int attempt, bool reached, string detail)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.State != TicketState.AwaitingCallback || state.Visit is not { Reached: false, Unanswered: false } visit || visit.Attempts != attempt)
        {
            // A late report of an older attempt, or of a round already over: nothing to change.
            return [];
        }

        var ended = new ReturnVisitEnded(attempt, reached, detail.Length > 200 ? detail[..200] : detail);
        return !reached && attempt >= _visits.Attempts ? [ended, new ReturnVisitUnanswered(attempt)] : [ended];
    }

    public string VisitQueue => _visits.QueueId;

    /// <summary>The edge plays the survey itself for this category (ReturnVisit:Mode automated).</summary>
    public bool VisitAutomated(Category category) => _visits.Automated(category);

    /// <summary>
    /// Events for an automated survey call: its end, then the citizen's answer recorded as the callback (as an agent
    /// would with RecordCallback: unsatisfied reopens the ticket). No key counts as not reached, so the next attempt follows.
    /// </summary>
    public IReadOnlyList<TicketEvent> SurveyEnded(TicketGrainState state, int attempt, Satisfaction? answer, string detail)
    {
        var ended = VisitEnded(state, attempt, answer is not null, detail);
        return answer is { } satisfaction && ended.Count > 0 ? [.. ended, new CallbackRecorded(satisfaction, "自动回访: " + detail)] : ended;
    }

    /// <summary>
    /// The sign deadline binds until a department signs; the handling deadline until it replies. A returned
    /// ticket waits on the hotline, not on a department, so neither binds then.
    /// </summary>
    private static IEnumerable<(DeadlineKind Kind, Deadline Deadline)> Binding(TicketGrainState state)
    {
        if (state.State == TicketState.Dispatched && state.SignDeadline is { } sign)
        {
            yield return (DeadlineKind.Sign, sign);
        }

        if (state.State is TicketState.Dispatched or TicketState.Claimed && state.HandleDeadline is { } handle)
        {
            yield return (DeadlineKind.Handle, handle);
        }
    }

    private DateTimeOffset At(Deadline deadline, AlarmLevel level) => level switch
    {
        AlarmLevel.Warning => WarningAt(deadline),
        AlarmLevel.Overdue => deadline.Due,
        _ => calendar.AddWorkingDays(deadline.Due, options.EscalateAfterOverdueWorkingDays),
    };

    /// <summary>The instant the warning share of the allowed time is used, in the deadline's own kind of time.</summary>
    private DateTimeOffset WarningAt(Deadline deadline)
    {
        if (deadline.Due <= deadline.Start)
        {
            return deadline.Start;
        }

        var allowed = deadline.WorkingTime ? calendar.WorkingTimeBetween(deadline.Start, deadline.Due) : deadline.Due - deadline.Start;
        var share = TimeSpan.FromTicks((long)Math.Ceiling(allowed.Ticks * options.WarningFraction));
        return deadline.WorkingTime ? calendar.AddWorkingTime(deadline.Start, share) : deadline.Start + share;
    }
}
