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
}
