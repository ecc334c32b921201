using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Tickets;

internal static partial class TicketGrainLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Ticket {TicketId} committed {Events} at version {Version}")]
    public static partial void Committed(ILogger logger, string ticketId, string events, long version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Ticket {TicketId} lost a concurrent commit at version {Version}; reloaded")]
    public static partial void LostRace(ILogger logger, string ticketId, long version);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Ticket {TicketId} commit failed; state will be reloaded before the next command")]
    public static partial void CommitFailed(ILogger logger, string ticketId, Exception exception);
}
