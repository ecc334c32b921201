using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tickets.Events;
using static Hotline.Silo.Tickets.TicketAccess;
using static Hotline.Silo.Tickets.TicketInput;

namespace Hotline.Silo.Tickets;

/// <summary>The hotline's review of a reply and the callback (回访) to the citizen.</summary>
internal static class TicketReviewRules
{
    public static IReadOnlyList<TicketEvent> ReviewReply(TicketGrainState state, ReviewReply command)
    {
        RequireStaff(command.Caller, "review replies");
        RequireState(state, "review a reply", TicketState.Replied);
        return command.Approve
            ? [new ReplyReviewed(true, Optional(command.Reason, "reason"))]
            : [new ReplyReviewed(false, Required(command.Reason, "reason"))];
    }

    public static IReadOnlyList<TicketEvent> RecordCallback(TicketGrainState state, RecordCallback command)
    {
        RequireStaff(command.Caller, "record callbacks");
        RequireState(state, "record a callback", TicketState.AwaitingCallback);
        return [new CallbackRecorded(Defined(command.Satisfaction, "satisfaction"), Optional(command.Note, "reason"))];
    }
}
