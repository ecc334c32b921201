namespace Hotline.Silo.Storage.Sql;

/// <summary>Checks a commit is well-formed before it joins a batch, so a bad one cannot spoil others.</summary>
internal static class CommitValidation
{
    /// <exception cref="ArgumentException">The commit contradicts itself.</exception>
    public static void Validate(TicketCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (string.IsNullOrEmpty(commit.TicketId))
        {
            throw new ArgumentException("A commit needs a ticket id.", nameof(commit));
        }

        if (commit.ExpectedVersion < 0 || commit.NewVersion != commit.ExpectedVersion + commit.Events.Count || commit.Events.Count == 0)
        {
            throw new ArgumentException(
                $"Commit of {commit.TicketId} must carry events for versions {commit.ExpectedVersion + 1}..{commit.NewVersion}, one each.", nameof(commit));
        }

        for (var i = 0; i < commit.Events.Count; i++)
        {
            if (commit.Events[i].Version != commit.ExpectedVersion + 1 + i)
            {
                throw new ArgumentException($"Event {i} of the commit of {commit.TicketId} has version {commit.Events[i].Version}, expected {commit.ExpectedVersion + 1 + i}.", nameof(commit));
            }
        }
    }
}
