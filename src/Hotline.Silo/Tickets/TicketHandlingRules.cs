using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets.Events;
using static Hotline.Silo.Tickets.TicketAccess;
using static Hotline.Silo.Tickets.TicketInput;

namespace Hotline.Silo.Tickets;

/// <summary>What the departments do: sign, ask for time, note progress, reply; and the supervisor's extension decision.</summary>
internal sealed class TicketHandlingRules(TicketOptions options, TicketDeadlines deadlines)
{
    public static IReadOnlyList<TicketEvent> Claim(TicketGrainState state, ClaimTicket command)
    {
        RequireLead(state, command.Caller, "sign for the ticket");
        RequireState(state, "claim", TicketState.Dispatched);
        return [new TicketClaimed()];
    }

    public IReadOnlyList<TicketEvent> RequestExtension(TicketGrainState state, RequestExtension command)
    {
        RequireLead(state, command.Caller, "request an extension");
        RequireState(state, "request an extension", TicketState.Claimed);
        if (command.Days < 1 || command.Days > options.MaxExtensionDays)
        {
            throw TicketRefusedException.Invalid("days", $"must be between 1 and {options.MaxExtensionDays}");
        }

        var reason = Required(command.Reason, "reason");
        if (state.PendingExtension is not null)
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot request an extension: ticket is CLAIMED with a request for {state.PendingExtension.Days} day(s) still pending",
                state: state.State);
        }

        return [new ExtensionRequested(command.Caller.Id, command.Days, reason)];
    }

    public IReadOnlyList<TicketEvent> DecideExtension(TicketGrainState state, DecideExtension command)
    {
        RequireSupervisor(command.Caller, "decide an extension");
        if (state.PendingExtension is not { } pending || state.HandleDeadline is not { } deadline)
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot decide an extension: ticket is {TicketStateNames.Wire(state.State)} with no extension request pending",
                state: state.State);
        }

        if (command.Approve)
        {
            var moved = deadlines.Extend(deadline, pending.Days);
            return [new ExtensionDecided(true, Optional(command.Reason, "reason"), moved.Due)];
        }

        return [new ExtensionDecided(false, Required(command.Reason, "reason"), null)];
    }

    public static IReadOnlyList<TicketEvent> AddProgress(TicketGrainState state, AddProgress command)
    {
        RequireDepartment(state, command.Caller, "add progress");
        RequireState(state, "add progress", TicketState.Dispatched, TicketState.Claimed);
        return [new ProgressAdded(command.Caller.Id, Required(command.Note, "content"))];
    }

    public static IReadOnlyList<TicketEvent> Resolve(TicketGrainState state, ResolveTicket command)
    {
        RequireLead(state, command.Caller, "resolve the ticket");
        RequireState(state, "resolve", TicketState.Claimed);
        return [new TicketReplied(Required(command.Reply, "reply"))];
    }
}
