using System.Diagnostics.CodeAnalysis;
using Hotline.Contracts.Scheduling;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// Names of a ticket's scheduled jobs ("handle-overdue", "return-visit") and the ids the Supervision API shows
/// ("ticket/{ticket id}/{name}"). A ticket has at most one pending job of each name at a time.
/// </summary>
internal static class JobNames
{
    public const string ReturnVisit = "return-visit";

    private const string TicketPrefix = "ticket/";

    public static string Of(DeadlineKind kind, AlarmLevel level) => $"{Word(kind)}-{Word(level)}";

    public static string Id(string ticketId, string name) => $"{TicketPrefix}{ticketId}/{name}";

    public static ScheduledJobKind KindOf(AlarmLevel level) => level switch
    {
        AlarmLevel.Warning => ScheduledJobKind.DeadlineWarning,
        AlarmLevel.Overdue => ScheduledJobKind.DeadlineOverdue,
        _ => ScheduledJobKind.DeadlineEscalation,
    };

    /// <summary>Splits a job id into its ticket and a known job name; false for anything else.</summary>
    public static bool TryParseId(string jobId, [NotNullWhen(true)] out string? ticketId, [NotNullWhen(true)] out string? name)
    {
        ticketId = name = null;
        if (!jobId.StartsWith(TicketPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = jobId.LastIndexOf('/');
        if (slash <= TicketPrefix.Length || !IsName(jobId[(slash + 1)..]))
        {
            return false;
        }

        ticketId = jobId[TicketPrefix.Length..slash];
        name = jobId[(slash + 1)..];
        return true;
    }

    /// <summary>The deadline alarm a name stands for; false for the return visit.</summary>
    public static bool TryParseAlarm(string name, out DeadlineKind kind, out AlarmLevel level)
    {
        foreach (var k in Enum.GetValues<DeadlineKind>())
        {
            foreach (var l in Enum.GetValues<AlarmLevel>())
            {
                if (Of(k, l) == name)
                {
                    (kind, level) = (k, l);
                    return true;
                }
            }
        }

        (kind, level) = (default, default);
        return false;
    }

    private static bool IsName(string name) => name == ReturnVisit || TryParseAlarm(name, out _, out _);

    public static string Word(DeadlineKind kind) => kind == DeadlineKind.Sign ? "sign" : "handle";

    private static string Word(AlarmLevel level) => level switch
    {
        AlarmLevel.Warning => "warning",
        AlarmLevel.Overdue => "overdue",
        _ => "escalation",
    };
}
