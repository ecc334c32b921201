namespace Hotline.Silo.Storage;

/// <summary>The columns tickets are searched by; rewritten with every commit.</summary>
/// <param name="DepartmentIds">Every department the ticket is currently dispatched to (lead first, then assisting).</param>
internal sealed record TicketIndex(
    string State,
    IReadOnlyList<string> DepartmentIds,
    string CallerPhone,
    string District,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When the ticket's next deadline alarm is due (null: none pending); the scheduler's sweep reads this column.</summary>
    public DateTimeOffset? NextAlarmAt { get; init; }

    /// <summary>A department's extension request waits for a supervisor's decision (the wallboard's list reads this column).</summary>
    public bool ExtensionPending { get; init; }
}
