namespace Hotline.Silo.Storage.Sql;

/// <summary>Applies a batch of ticket commits in one durable transaction; used by one writer loop only.</summary>
internal interface ICommitWriter : IAsyncDisposable
{
    /// <summary>
    /// Applies each commit whose expected version matches (in order, so a later commit of the same
    /// ticket sees the earlier one) and commits the transaction durably. Element i of the result says
    /// whether commits[i] applied. Throws, writing nothing, when the transaction fails as a whole.
    /// </summary>
    Task<bool[]> ApplyAsync(IReadOnlyList<TicketCommit> commits, CancellationToken cancellationToken);
}
