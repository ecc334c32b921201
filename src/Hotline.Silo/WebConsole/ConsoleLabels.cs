using Hotline.Contracts.Agents;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.WebConsole;

/// <summary>The Chinese names the console shows for the domain's enums.</summary>
internal static class ConsoleLabels
{
    public static string State(TicketState state) => state switch
    {
        TicketState.Created => "已登记",
        TicketState.Dispatched => "已派单",
        TicketState.Claimed => "已签收",
        TicketState.Returned => "已退单",
        TicketState.Replied => "已回复",
        TicketState.AwaitingCallback => "待回访",
        TicketState.Reopened => "重办",
        TicketState.Closed => "已办结",
        TicketState.Merged => "已合并",
        _ => state.ToString(),
    };

    public static string Category(Category category) => Hotline.Api.Knowledge.CategoryLabels.Chinese(category);

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Contracts.Tickets.Urgency.Emergency => "紧急",
        Contracts.Tickets.Urgency.Utility => "水电气热",
        _ => "一般",
    };

    public static string Deadline(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Warning => "临期",
        DeadlineStatus.Overdue => "超期",
        DeadlineStatus.None => "—",
        _ => "正常",
    };

    public static string Agent(AgentState state) => state switch
    {
        AgentState.Ready => "示闲",
        AgentState.NotReady => "示忙",
        AgentState.Ringing => "振铃",
        AgentState.OnCall => "通话中",
        AgentState.WrapUp => "话后处理",
        _ => "离线",
    };

    /// <summary>
    /// The reason an agent is in its state, in Chinese: the call center words its own reasons in English (they are
    /// also its log and API text); a reason a person typed (示忙 with a reason, a supervisor's 置忙) is shown as typed.
    /// </summary>
    public static string? AgentReason(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        if (reason.StartsWith(MonitoringPrefix, StringComparison.Ordinal))
        {
            return "监听通话 " + reason[MonitoringPrefix.Length..];
        }

        // Supervision.ForceAgentState words it "forced by supervisor <id>: <reason typed>".
        if (reason.StartsWith(ForcedPrefix, StringComparison.Ordinal) && reason.IndexOf(": ", ForcedPrefix.Length, StringComparison.Ordinal) is var colon and > 0)
        {
            return $"值班长 {reason[ForcedPrefix.Length..colon]} 强制：{reason[(colon + 2)..]}";
        }

        return SystemReasons.GetValueOrDefault(reason, reason);
    }

    private const string MonitoringPrefix = "monitoring call ";

    private const string ForcedPrefix = "forced by supervisor ";

    private static readonly Dictionary<string, string> SystemReasons = new(StringComparer.Ordinal)
    {
        ["registered"] = "话机已注册",
        ["agent ready"] = "坐席示闲",
        ["offered call"] = "来电振铃",
        ["offered callback"] = "回拨振铃",
        ["answered"] = "已接听",
        ["callback connected"] = "回拨已接通",
        ["callback answered"] = "回拨已接通",
        ["held for a callback"] = "为回拨预留",
        ["placing a call"] = "外呼中",
        ["call ended"] = "通话结束",
        ["no answer"] = "未接听",
        ["phone unreachable"] = "话机无法接通",
        ["caller hung up"] = "来电方已挂机",
        ["caller chose callback"] = "来电方选择回拨",
        ["wrap-up time over"] = "话后处理时间到",
        ["wrap-up ended by agent"] = "坐席结束话后处理",
        ["monitoring over"] = "监听结束",
    };
}
