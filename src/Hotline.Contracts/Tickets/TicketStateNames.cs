namespace Hotline.Contracts.Tickets;

/// <summary>The wire spelling of ticket states (as the protos name them) for messages and indexes.</summary>
public static class TicketStateNames
{
    /// <summary>E.g. <see cref="TicketState.AwaitingCallback"/> → "AWAITING_CALLBACK".</summary>
    public static string Wire(TicketState state) => state switch
    {
        TicketState.Created => "CREATED",
        TicketState.Dispatched => "DISPATCHED",
        TicketState.Claimed => "CLAIMED",
        TicketState.Returned => "RETURNED",
        TicketState.Replied => "REPLIED",
        TicketState.AwaitingCallback => "AWAITING_CALLBACK",
        TicketState.Reopened => "REOPENED",
        TicketState.Closed => "CLOSED",
        TicketState.Merged => "MERGED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
