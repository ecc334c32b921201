using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Deadline sweep: {Tickets} tickets due, {Alarms} alarms issued, {Failed} failed (retried next sweep)")]
    public static partial void Swept(ILogger logger, int tickets, int alarms, int failed);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Deadline alarms of ticket {TicketId} could not be issued now; the next sweep retries")]
    public static partial void AlarmFailed(ILogger logger, string ticketId, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Scheduler store ready ({Store}, clustered: {Clustered})")]
    public static partial void StoreReady(ILogger logger, string store, bool clustered);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Scheduled job {Job} every {Interval}")]
    public static partial void Scheduled(ILogger logger, string job, TimeSpan interval);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Return visit of ticket {TicketId}, attempt {Attempt}: reached {Reached} ({Detail})")]
    public static partial void ReturnVisitCalled(ILogger logger, string ticketId, int attempt, bool reached, string detail);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Return visit of ticket {TicketId}, attempt {Attempt} failed; the next attempt follows after the retry interval")]
    public static partial void ReturnVisitFailed(ILogger logger, string ticketId, int attempt, Exception exception);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Callback sweep: {Placed} callback attempts placed")]
    public static partial void CallbacksSwept(ILogger logger, int placed);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Callback {CallId}, attempt {Attempt}: {Result}")]
    public static partial void CallbackCalled(ILogger logger, string callId, int attempt, string result);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Callback {CallId}, attempt {Attempt} failed; the next attempt follows at its written time")]
    public static partial void CallbackFailed(ILogger logger, string callId, int attempt, Exception exception);
}
