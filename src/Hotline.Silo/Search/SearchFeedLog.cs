namespace Hotline.Silo.Search;

internal static partial class SearchFeedLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Search models rebuilt from {TicketCount} stored tickets")]
    public static partial void Rebuilt(ILogger logger, int ticketCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Ticket {TicketId} left out of the search models: {Reason}")]
    public static partial void TicketSkipped(ILogger logger, string ticketId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Dispatch advisor follows the directory: {Active} active departments (directory version {Version})")]
    public static partial void DirectoryLoaded(ILogger logger, int active, long version);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Directory could not be read for the dispatch advisor; trying again")]
    public static partial void DirectoryUnreadable(ILogger logger, Exception exception);
}
