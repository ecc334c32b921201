namespace Hotline.Silo.Cluster;

/// <summary>Source-generated log messages of the cluster set-up (event ids 2200–2299).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(2200, LogLevel.Information, "Cluster membership tables ready on PostgreSQL; {Count} provider queries stored")]
    public static partial void SchemaReady(ILogger logger, int count);

    [LoggerMessage(2201, LogLevel.Warning, "Lost the commit channel to PostgreSQL; reconnecting (commits announced meanwhile reach this host's indexes at their next change)")]
    public static partial void ListenerDisconnected(ILogger logger, Exception exception);

    [LoggerMessage(2202, LogLevel.Warning, "Could not apply the announced commit of ticket {TicketId} to this host's indexes")]
    public static partial void AnnouncedTicketSkipped(ILogger logger, string ticketId, Exception exception);
}
