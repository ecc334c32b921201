using Google.Protobuf.WellKnownTypes;
using Hotline.Api.Desks;
using Hotline.Contracts.Tickets;
using Hotline.Telephony.Calls;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>Explicit mapping of the call center's live views and notices to hotline.v1 messages.</summary>
internal static class CallCenterMessages
{
    public static V1.AgentStatus ToMessage(AgentSnapshot agent)
    {
        var message = new V1.AgentStatus
        {
            AgentId = agent.AgentId,
            State = CallCenterEnums.ToMessage(agent.State),
            Reason = agent.Reason ?? "",
            Since = Timestamp.FromDateTimeOffset(agent.Since),
            CallId = agent.CallId ?? "",
            CallsAnswered = agent.CallsAnswered,
        };
        message.Skills.Add(agent.Skills.ToDictionary(skill => skill.Key, skill => skill.Value, StringComparer.Ordinal));
        return message;
    }

    public static V1.QueueStatus ToMessage(QueueSnapshot queue)
    {
        var message = new V1.QueueStatus
        {
            QueueId = queue.QueueId,
            Skill = queue.Skill,
            Waiting = queue.Waiting,
            LongestWait = Duration.FromTimeSpan(queue.LongestWait),
            ReadyAgents = queue.ReadyAgents,
            BusyAgents = queue.BusyAgents,
        };
        if (queue.EstimatedWait is { } estimate)
        {
            message.EstimatedWait = Duration.FromTimeSpan(estimate);
        }

        return message;
    }

    public static V1.AgentCallEvent ToMessage(AgentCallNotice notice) => new()
    {
        Phase = CallCenterEnums.ToMessage(notice.Phase),
        CallId = notice.CallId,
        CallerNumber = notice.CallerNumber,
        QueueId = notice.QueueId,
        At = Timestamp.FromDateTimeOffset(notice.At),
        Detail = notice.Detail ?? "",
    };

    /// <summary>A ticket in brief; the enums map as HotlineDesk maps them.</summary>
    public static V1.TicketSummary ToSummary(TicketView ticket) => new()
    {
        TicketId = ticket.Id,
        State = TicketEnums.ToMessage(ticket.State),
        Category = TicketEnums.ToMessage(ticket.Category),
        Urgency = TicketEnums.ToMessage(ticket.Urgency),
        Content = ticket.Content,
        District = ticket.District,
        DepartmentId = ticket.LeadDepartmentId ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(ticket.CreatedAt),
        Satisfaction = ticket.Callback is { } callback ? TicketEnums.ToMessage(callback.Satisfaction) : V1.Satisfaction.Unspecified,
    };
}
