using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The create request the end-to-end tests send, and the call that sends it as an agent.</summary>
internal static class TicketRequests
{
    public static CreateTicketRequest Create(string content = "路灯不亮", string requestId = "") => new()
    {
        CallerPhone = "13812341234",
        Category = Category.Complaint,
        District = "河东区",
        Address = "幸福路 1 号",
        Content = content,
        Urgency = Urgency.Normal,
        RequestId = requestId,
    };

    public static Task<GrpcReply<Ticket>> CreateAsync(this GrpcTestClient client, string agent, string content = "路灯不亮", string requestId = "") =>
        client.UnaryAsync(GrpcTestClient.HotlineDesk, "CreateTicket", Create(content, requestId), Ticket.Parser, agent);
}
