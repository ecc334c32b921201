using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets.Events;
using static Hotline.Silo.Tickets.TicketAccess;
using static Hotline.Silo.Tickets.TicketInput;

namespace Hotline.Silo.Tickets;

/// <summary>Creating, resolving on the spot, merging.</summary>
internal sealed class TicketIntakeRules(TicketOptions options)
{
    public IReadOnlyList<TicketEvent> Create(CreateTicket command)
    {
        RequireStaff(command.Caller, "create tickets");
        return
        [
            new TicketCreated(
                Phone(command.CallerPhone),
                Optional(command.CallerName, "caller_name", MaxShortTextLength) ?? "",
                Defined(command.Category, "category"),
                Required(command.District, "district", MaxShortTextLength),
                Optional(command.Address, "address", MaxShortTextLength) ?? "",
                Required(command.Content, "content"),
                Defined(command.Urgency, "urgency")),
        ];
    }

    public IReadOnlyList<TicketEvent> ResolveDirectly(TicketGrainState state, ResolveDirectly command)
    {
        RequireStaff(command.Caller, "resolve tickets on the spot");
        RequireState(state, "resolve directly", TicketState.Created);
        var answer = Required(command.Answer, "reply");
        var to = options.NeedsCallback(state.Category) ? TicketState.AwaitingCallback : TicketState.Closed;
        return [new TicketResolvedDirectly(answer, to)];
    }

    public static IReadOnlyList<TicketEvent> MergeInto(TicketGrainState state, MergeTicket command)
    {
        RequireStaff(command.Caller, "merge tickets");
        RequireState(state, "merge", TicketState.Created, TicketState.Dispatched, TicketState.Claimed, TicketState.Returned, TicketState.Replied, TicketState.AwaitingCallback, TicketState.Reopened);
        var parent = Required(command.ParentTicketId, "parent_ticket_id", MaxShortTextLength);
        if (parent == state.Id)
        {
            throw TicketRefusedException.Invalid("parent_ticket_id", "a ticket cannot be merged into itself");
        }

        return [new TicketMerged(parent, Optional(command.Reason, "reason"))];
    }

    /// <summary>The parent's side of a merge; attaching a child twice changes nothing.</summary>
    public static IReadOnlyList<TicketEvent> AttachMergedChild(TicketGrainState state, AttachMergedChild command)
    {
        RequireStaff(command.Caller, "merge tickets");
        var child = Required(command.ChildTicketId, "ticket_id", MaxShortTextLength);
        if (child == state.Id)
        {
            throw TicketRefusedException.Invalid("parent_ticket_id", "a ticket cannot be merged into itself");
        }

        if (state.State == TicketState.Merged)
        {
            throw new TicketRefusedException(
                TicketRefusal.FailedPrecondition,
                $"cannot merge into ticket '{state.Id}': it is MERGED into '{state.ParentTicketId}'; merge into that ticket instead",
                state: state.State);
        }

        return state.MergedChildIds.Contains(child) ? [] : [new MergedChildAttached(child)];
    }

    private static string Phone(string? value)
    {
        var phone = Required(value, "caller_phone", 20);
        var digits = phone.StartsWith('+') ? phone[1..] : phone;
        if (digits.Length < 3 || !char.IsAsciiDigit(digits[0]) || digits.Any(ch => !char.IsAsciiDigit(ch) && ch != '-'))
        {
            throw TicketRefusedException.Invalid("caller_phone", "must be digits, optionally with a leading '+' and '-' separators");
        }

        return phone;
    }
}
