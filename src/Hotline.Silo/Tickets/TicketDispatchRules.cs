using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets.Events;
using static Hotline.Silo.Tickets.TicketAccess;
using static Hotline.Silo.Tickets.TicketInput;

namespace Hotline.Silo.Tickets;

/// <summary>Dispatching, designating, and deciding returns. <c>known</c> holds the departments the grain found for the command's ids.</summary>
internal sealed class TicketDispatchRules(TicketOptions options, TicketDeadlines deadlines)
{
    /// <summary>The ticket went round too many departments: only a supervisor may choose the next.</summary>
    public bool NeedsDesignation(TicketGrainState state) =>
        state.State == TicketState.Returned && state.DispatchCount >= options.DispatchesBeforeDesignation;

    public IReadOnlyList<TicketEvent> Dispatch(TicketGrainState state, DispatchTicket command, IReadOnlyDictionary<string, Department> known, DateTimeOffset now)
    {
        RequireStaff(command.Caller, "dispatch tickets");
        RequireState(state, "dispatch", TicketState.Created, TicketState.Reopened);
        return [Dispatched(state, command.LeadDepartmentId, command.AssistingDepartmentIds, command.Instructions, known, now, designated: false, reason: null)];
    }

    public IReadOnlyList<TicketEvent> Designate(TicketGrainState state, DesignateDepartment command, IReadOnlyDictionary<string, Department> known, DateTimeOffset now)
    {
        RequireSupervisor(command.Caller, "designate a department");
        RequireState(state, "designate a department", TicketState.Created, TicketState.Returned, TicketState.Reopened);
        return [Dispatched(state, command.LeadDepartmentId, command.AssistingDepartmentIds, command.Instructions, known, now, designated: true, reason: null)];
    }

    public IReadOnlyList<TicketEvent> DecideReturn(TicketGrainState state, DecideReturn command, IReadOnlyDictionary<string, Department> known, DateTimeOffset now)
    {
        RequireStaff(command.Caller, "decide returns");
        RequireState(state, "decide a return", TicketState.Returned);
        // Protobuf strings arrive as "" when unset: blank means "no new department", i.e. reject the return.
        var newLead = command.NewLeadDepartmentId?.Trim();
        if (string.IsNullOrEmpty(newLead))
        {
            var why = Required(command.Reason, "reason");
            return [new ReturnRejected(why, deadlines.Sign(state.Urgency, now))];
        }

        if (NeedsDesignation(state))
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot re-dispatch: ticket is RETURNED after {state.DispatchCount} dispatches without a department signing; a supervisor must designate one",
                state: state.State);
        }

        if (newLead == state.LeadDepartmentId)
        {
            throw TicketRefusedException.Invalid("department_id", $"must differ from {state.LeadDepartmentId}, which returned the ticket; to send it back, reject the return");
        }

        var reason = Optional(command.Reason, "reason");
        return [Dispatched(state, newLead, command.AssistingDepartmentIds, command.Instructions, known, now, designated: false, reason)];
    }

    /// <summary>
    /// A disabled department's successor takes the ticket over as it stands. Only open tickets move, and
    /// only from a department the ticket is with; an unsigned lead's successor gets its own sign deadline.
    /// </summary>
    public IReadOnlyList<TicketEvent> Transfer(TicketGrainState state, TransferTicket command, IReadOnlyDictionary<string, Department> known, DateTimeOffset now)
    {
        RequireSupervisor(command.Caller, "move tickets to a successor department");
        if (state.State is TicketState.Closed or TicketState.Merged)
        {
            throw TicketRefusedException.WrongState(state.State, "move to a successor department");
        }

        var from = Required(command.FromDepartmentId, "department_id", MaxShortTextLength);
        var to = Required(command.ToDepartmentId, "successor_department_id", MaxShortTextLength);
        if (!state.DepartmentIds().Contains(from))
        {
            throw TicketRefusedException.Invalid("department_id", $"ticket {state.Id} is not with department '{from}'");
        }

        if (to == from || !known.ContainsKey(to))
        {
            throw TicketRefusedException.Invalid("successor_department_id", $"no other active department '{to}'");
        }

        var unsignedLead = state.LeadDepartmentId == from && state.State == TicketState.Dispatched;
        return [new TicketTransferred(from, to, Required(command.Reason, "reason"), unsignedLead ? deadlines.Sign(state.Urgency, now) : null, known[to].Name)];
    }

    public IReadOnlyList<TicketEvent> Return(TicketGrainState state, ReturnTicket command, DateTimeOffset now)
    {
        RequireLead(state, command.Caller, "return the ticket");
        RequireState(state, "return", TicketState.Dispatched, TicketState.Claimed);
        var reason = Required(command.Reason, "reason");
        if (state.Designated)
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot return: ticket is {TicketStateNames.Wire(state.State)} and was designated to {state.LeadDepartmentId} by a supervisor",
                state: state.State);
        }

        var windowEnd = deadlines.ReturnWindowEnd(state.DispatchedAt ?? state.CreatedAt);
        if (now > windowEnd)
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot return: ticket is {TicketStateNames.Wire(state.State)} and the return window ({options.ReturnWindowWorkingDays} working day(s) from dispatch) ended at {windowEnd:yyyy-MM-dd HH:mm zzz}",
                state: state.State);
        }

        return [new TicketReturned(reason)];
    }

    private TicketDispatched Dispatched(
        TicketGrainState state,
        string? leadId,
        IReadOnlyList<string>? assistingIds,
        string? instructions,
        IReadOnlyDictionary<string, Department> known,
        DateTimeOffset now,
        bool designated,
        string? reason)
    {
        var lead = Required(leadId, "department_id", MaxShortTextLength);
        if (!known.TryGetValue(lead, out var leadDepartment))
        {
            throw TicketRefusedException.Invalid("department_id", $"no department '{lead}'");
        }

        var assisting = new List<string>();
        foreach (var id in assistingIds ?? [])
        {
            var assistant = Required(id, "assisting_department_ids", MaxShortTextLength);
            if (!known.ContainsKey(assistant))
            {
                throw TicketRefusedException.Invalid("assisting_department_ids", $"no department '{assistant}'");
            }

            if (assistant == lead || assisting.Contains(assistant))
            {
                throw TicketRefusedException.Invalid("assisting_department_ids", $"'{assistant}' is listed twice (the lead may not also assist)");
            }

            assisting.Add(assistant);
        }

        return new TicketDispatched(
            lead,
            assisting,
            Optional(instructions, "instructions"),
            designated,
            deadlines.Sign(state.Urgency, now),
            deadlines.Handle(state.Urgency, leadDepartment, now),
            reason,
            leadDepartment.Name,
            [.. assisting.Select(id => known[id].Name)]);
    }

    /// <summary>The department ids a command names, so the grain can look them up before deciding.</summary>
    public static IEnumerable<string> NamedDepartments(string? lead, IReadOnlyList<string>? assisting) =>
        new[] { lead }.Concat(assisting ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).Distinct();
}
