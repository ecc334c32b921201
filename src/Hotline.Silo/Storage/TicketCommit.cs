namespace Hotline.Silo.Storage;

/// <summary>
/// One decided transition (or several) of one ticket. <see cref="Events"/> carry versions
/// ExpectedVersion+1 … NewVersion. <see cref="Feed"/> holds the departments that must hear of it.
/// <see cref="Request"/>, when set, is recorded in the same transaction; the commit is not applied (false)
/// when that request was already answered.
/// </summary>
internal sealed record TicketCommit(
    string TicketId,
    long ExpectedVersion,
    long NewVersion,
    string StateJson,
    TicketIndex Index,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<FeedNotice> Feed,
    TicketRequestKey? Request = null)
{
    /// <summary>Supervisors' changes to scheduled jobs this commit records, for scheduler_changes.</summary>
    public IReadOnlyList<SchedulerChange> SchedulerChanges { get; init; } = [];
}
