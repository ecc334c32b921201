namespace Hotline.Silo.Storage;

/// <summary>Reads the tickets whose next deadline alarm is due, by the indexed column every commit rewrites.</summary>
internal interface IAlarmIndex
{
    /// <summary>
    /// Up to <paramref name="max"/> tickets whose next alarm is due at or before <paramref name="upTo"/>, in
    /// due order, after the position <paramref name="after"/> (null: from the start) so a pass moves past
    /// tickets that answered nothing.
    /// </summary>
    Task<IReadOnlyList<DueAlarm>> ReadDueAsync(DateTimeOffset upTo, DueAlarm? after, int max, CancellationToken cancellationToken);
}
