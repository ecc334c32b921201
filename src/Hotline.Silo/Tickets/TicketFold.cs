using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets;

/// <summary>Applies events to state. Pure: the same events always give the same state.</summary>
internal static class TicketFold
{
    public static TicketGrainState Apply(string ticketId, TicketGrainState? state, IEnumerable<TicketChange> changes)
    {
        foreach (var change in changes)
        {
            state = Apply(ticketId, state, change);
        }

        return state ?? throw new InvalidOperationException("no events to apply to a ticket that does not exist");
    }

    public static TicketGrainState Apply(string ticketId, TicketGrainState? state, TicketChange change)
    {
        var at = change.At;
        if (change.Event is TicketCreated c)
        {
            return new TicketGrainState(ticketId, TicketState.Created, c.CallerPhone, c.CallerName, c.Category, c.District, c.Address, c.Content, c.Urgency, at, at, 1);
        }

        if (state is null)
        {
            throw new InvalidOperationException($"'{change.Event.Type}' before 'created' on ticket {ticketId}");
        }

        var s = state with { UpdatedAt = at, Version = state.Version + 1 };
        return change.Event switch
        {
            // A new callback round starts whenever the ticket (again) awaits a callback; earlier rounds stay in the history.
            TicketResolvedDirectly e => s with { State = e.To, Answer = e.Answer, Callback = null, Visit = NewVisit(e.To, at) },
            TicketDispatched e => s with
            {
                State = TicketState.Dispatched,
                LeadDepartmentId = e.LeadDepartmentId,
                AssistingDepartmentIds = e.AssistingDepartmentIds,
                DepartmentNames = NamesAtDispatch(e),
                Instructions = e.Instructions,
                Designated = e.Designated,
                DispatchCount = s.DispatchCount + 1,
                DispatchedAt = at,
                SignDeadline = e.SignDeadline,
                HandleDeadline = e.HandleDeadline,
                PendingExtension = null,
            },
            ReturnRejected e => s with { State = TicketState.Dispatched, SignDeadline = e.SignDeadline },
            TicketClaimed => s with { State = TicketState.Claimed, DispatchCount = 0 },
            TicketReturned => s with { State = TicketState.Returned, PendingExtension = null },
            ExtensionRequested e => s with { PendingExtension = new ExtensionRequest(e.DepartmentId, e.Days, e.Reason, at) },
            ExtensionDecided e => s with
            {
                PendingExtension = null,
                HandleDeadline = e.NewHandleDue is { } due && s.HandleDeadline is not null ? s.HandleDeadline with { Due = due } : s.HandleDeadline,
            },
            ProgressAdded e => s with { Progress = [.. s.Progress, new ProgressNote(e.DepartmentId, e.Note, at)] },
            TicketReplied e => s with { State = TicketState.Replied, Reply = e.Reply, PendingExtension = null },
            ReplyReviewed e => e.Approved
                ? s with { State = TicketState.AwaitingCallback, Callback = null, Visit = NewVisit(TicketState.AwaitingCallback, at) }
                : s with { State = TicketState.Claimed },
            ReturnVisitAttempted e => s with { Visit = s.Visit! with { Attempts = e.Attempt, LastAttemptAt = at, MovedTo = null } },
            ReturnVisitEnded e => s with { Visit = s.Visit! with { Reached = s.Visit.Reached || e.Reached } },
            ReturnVisitUnanswered => s with { Visit = s.Visit! with { Unanswered = true } },
            CallbackRecorded e => s with
            {
                State = AfterCallback(e.Satisfaction),
                Callback = new CallbackResult(e.Satisfaction, e.Note, at, (s.Callback?.Attempts ?? 0) + 1),
            },
            TicketMerged e => s with { State = TicketState.Merged, ParentTicketId = e.ParentTicketId, PendingExtension = null },
            DeadlineAlarmed e => s with { Alarms = [.. s.Alarms, new FiredAlarm(e.Deadline, e.Level, e.Due)] },
            MergedChildAttached e => s with { MergedChildIds = [.. s.MergedChildIds, e.ChildTicketId] },
            TicketTransferred e => Transferred(s, e),
            JobRescheduled e => Overridden(s, e.Job, e.DeadlineDue, e.After),
            JobCancelled e => Overridden(s, e.Job, e.DeadlineDue, null),
            _ => throw new InvalidOperationException($"unknown ticket event '{change.Event.Type}'"),
        };
    }

    /// <summary>The successor takes the place of the department it succeeds; where it already assisted, it keeps one place.</summary>
    private static TicketGrainState Transferred(TicketGrainState s, TicketTransferred e)
    {
        var lead = s.LeadDepartmentId == e.FromDepartmentId ? e.ToDepartmentId : s.LeadDepartmentId;
        var assisting = s.AssistingDepartmentIds
            .Select(id => id == e.FromDepartmentId ? e.ToDepartmentId : id)
            .Where(id => id != lead)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var names = s.DepartmentNames?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        names.Remove(e.FromDepartmentId);
        if (e.ToDepartmentName is { } name)
        {
            names[e.ToDepartmentId] = name;
        }

        return s with { LeadDepartmentId = lead, AssistingDepartmentIds = assisting, DepartmentNames = names, SignDeadline = e.SignDeadline ?? s.SignDeadline };
    }

    /// <summary>A supervisor's move (<paramref name="to"/>) or cancellation (null) of one scheduled job.</summary>
    private static TicketGrainState Overridden(TicketGrainState s, string job, DateTimeOffset? deadlineDue, DateTimeOffset? to)
    {
        if (!JobNames.TryParseAlarm(job, out var kind, out var level))
        {
            return s with { Visit = to is null ? s.Visit! with { Cancelled = true } : s.Visit! with { MovedTo = to } };
        }

        var due = deadlineDue ?? throw new InvalidOperationException($"'{job}' change without its deadline's due time");
        var kept = (s.AlarmOverrides ?? []).Where(o => !(o.Kind == kind && o.Level == level && o.Due == due));
        return s with { AlarmOverrides = [.. kept, new AlarmOverride(kind, level, due, to)] };
    }

    /// <summary>The names a dispatch recorded, by id; empty for events stored before names were recorded.</summary>
    private static Dictionary<string, string> NamesAtDispatch(TicketDispatched e)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (e.LeadDepartmentName is { } lead)
        {
            names[e.LeadDepartmentId] = lead;
        }

        var assisting = e.AssistingDepartmentNames ?? [];
        for (var i = 0; i < Math.Min(assisting.Count, e.AssistingDepartmentIds.Count); i++)
        {
            names[e.AssistingDepartmentIds[i]] = assisting[i];
        }

        return names;
    }
    private static ReturnVisitProgress? NewVisit(TicketState to, DateTimeOffset at) =>
        to == TicketState.AwaitingCallback ? new ReturnVisitProgress(at, 0, null, Reached: false, Unanswered: false) : null;

    private static TicketState AfterCallback(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied or Satisfaction.BasicallySatisfied => TicketState.Closed,
        Satisfaction.Unsatisfied => TicketState.Reopened,
        _ => TicketState.AwaitingCallback,
    };
}
