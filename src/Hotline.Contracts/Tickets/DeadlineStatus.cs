namespace Hotline.Contracts.Tickets;

/// <summary>How a running deadline stands at the moment the ticket is read.</summary>
[GenerateSerializer]
public enum DeadlineStatus
{
    /// <summary>Less than the warning share (80% by default) of the allowed time has elapsed.</summary>
    OnTime,

    /// <summary>At least the warning share has elapsed, the deadline has not passed.</summary>
    Warning,

    /// <summary>The deadline has passed.</summary>
    Overdue,

    /// <summary>No deadline is running (not dispatched yet, already met, or the ticket is finished).</summary>
    None,
}
