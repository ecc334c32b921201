namespace Hotline.Contracts.Tickets;

/// <summary>
/// The supervisors' feed of deadline alarms (催办, overdue, 督办) of every department, read with
/// <see cref="ITicketFeed.WatchAsync"/> like a department's: stored with each alarm's commit, so every host
/// of a cluster streams every alarm once, in order, resumable by cursor.
/// </summary>
public static class SupervisionFeed
{
    /// <summary>The feed's recipient id: '#' never appears in a department id, so no department can read it.</summary>
    public const string Id = "#supervision";
}
