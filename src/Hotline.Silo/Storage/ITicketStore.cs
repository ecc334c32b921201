namespace Hotline.Silo.Storage;

/// <summary>
/// Durable home of tickets: an append-only event history per ticket, the ticket's current state
/// (as JSON owned by the ticket grain), the index columns the desks query by, and a per-department
/// feed of what was dispatched to it. Every commit is one transaction, applied only on the version it
/// was decided on, so two hosts sharing one database never both apply conflicting transitions.
/// </summary>
internal interface ITicketStore
{
    /// <summary>
    /// True when other hosts may commit to this store (a shared PostgreSQL): a ticket read earlier may have
    /// moved on since, so a grain must reload before it answers or decides.
    /// </summary>
    bool SharedWithOtherHosts { get; }

    /// <summary>Current state of a ticket, or null when it does not exist.</summary>
    Task<StoredTicket?> LoadAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>
    /// The ticket as stored when its version is no longer <paramref name="knownVersion"/>, else null: a caller that
    /// holds that version already need not fetch and parse its state again.
    /// </summary>
    Task<StoredTicket?> LoadIfChangedAsync(string ticketId, long knownVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the commit's events, replaces the current state and index, and adds its feed entries,
    /// all in one transaction, only when the stored version equals <see cref="TicketCommit.ExpectedVersion"/>
    /// (0 = the ticket must not exist yet). Returns false, writing nothing, when it does not.
    /// Returns only after the commit is durable. Concurrent commits may share one database transaction.
    /// </summary>
    Task<bool> CommitAsync(TicketCommit commit, CancellationToken cancellationToken);

    /// <summary>The ticket a commit with this request key was applied to, or null when none was.</summary>
    Task<string?> FindRequestAsync(TicketRequestKey key, CancellationToken cancellationToken);

    /// <summary>The ticket's events in the order they were appended.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadHistoryAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>Tickets matching a query, newest first, paged by an opaque token.</summary>
    Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>A department's feed entries after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(string departmentId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the department's feed may hold entries after <paramref name="afterSequence"/>:
    /// at once when it already does, when this process commits one, or when the store's one shared check per
    /// poll interval sees a newer entry written by another process.
    /// </summary>
    Task WaitForFeedAsync(string departmentId, long afterSequence, CancellationToken cancellationToken);
}
