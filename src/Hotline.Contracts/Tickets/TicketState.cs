namespace Hotline.Contracts.Tickets;

/// <summary>Where a ticket (工单) stands in its lifecycle (工单流转).</summary>
[GenerateSerializer]
public enum TicketState
{
    /// <summary>Created by an agent, not yet resolved or dispatched.</summary>
    Created,

    /// <summary>Dispatched (派单) to a lead department, waiting for it to sign (签收).</summary>
    Dispatched,

    /// <summary>Signed for by the lead department, which is handling it.</summary>
    Claimed,

    /// <summary>Returned (退单) by the lead department; the hotline decides what happens next.</summary>
    Returned,

    /// <summary>The lead department replied (办结回复); the hotline reviews the reply.</summary>
    Replied,

    /// <summary>Resolved; waiting for the callback (回访) to the citizen.</summary>
    AwaitingCallback,

    /// <summary>The citizen was unsatisfied; the hotline dispatches the ticket again.</summary>
    Reopened,

    /// <summary>Finished.</summary>
    Closed,

    /// <summary>A duplicate merged into a parent ticket.</summary>
    Merged,
}
