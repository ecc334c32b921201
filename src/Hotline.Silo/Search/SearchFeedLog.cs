namespace Hotline.Silo.Search;

internal static partial class SearchFeedLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Search models rebuilt from {TicketCount} stored tickets")]
    public static partial void Rebuilt(ILogger logger, int ticketCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Ticket {TicketId} left out of the search models: {Reason}")]
    public static partial void TicketSkipped(ILogger logger, string ticketId, string reason);
}
