using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The desk calls the end-to-end tests make against one host, as an agent and as one department.</summary>
internal sealed class DeskCaller(GrpcTestClient client, DeskTokens tokens)
{
    public const string Department = "scjg";

    public Task<GrpcReply<Ticket>> CreateAsync(string content = "路灯不亮", Urgency urgency = Urgency.Normal) =>
        Hotline("CreateTicket", new CreateTicketRequest
        {
            CallerPhone = "13812341234",
            CallerName = "张三",
            Category = Category.Complaint,
            District = "河东区",
            Address = "幸福路 1 号",
            Content = content,
            Urgency = urgency,
        });

    public Task<GrpcReply<Ticket>> DispatchAsync(string ticketId, string departmentId = Department) =>
        Hotline("DispatchTicket", new DispatchTicketRequest { TicketId = ticketId, DepartmentId = departmentId, Instructions = "请处理" });

    public Task<GrpcReply<Ticket>> ReviewReplyAsync(string ticketId, bool approve) =>
        Hotline("ReviewReply", new ReviewReplyRequest { TicketId = ticketId, Approve = approve, Reason = approve ? "" : "请重办" });

    public Task<GrpcReply<Ticket>> RejectReturnAsync(string ticketId) =>
        Hotline("DecideReturn", new DecideReturnRequest { TicketId = ticketId, Approve = false, Reason = "属于本单位职责" });

    public Task<GrpcReply<Ticket>> GetAsync(string ticketId) =>
        client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = ticketId }, Ticket.Parser, tokens.Agent);

    public Task<GrpcReply<GetTicketHistoryResponse>> HistoryAsync(string ticketId) =>
        client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicketHistory", new GetTicketHistoryRequest { TicketId = ticketId }, GetTicketHistoryResponse.Parser, tokens.Agent);

    public Task<GrpcReply<Ticket>> ClaimAsync(string ticketId) =>
        DepartmentCall("ClaimTicket", new ClaimTicketRequest { TicketId = ticketId });

    public Task<GrpcReply<Ticket>> ReturnAsync(string ticketId) =>
        DepartmentCall("ReturnTicket", new ReturnTicketRequest { TicketId = ticketId, Reason = "不属于本单位职责" });

    public Task<GrpcReply<Ticket>> AddProgressAsync(string ticketId, string content = "处理中") =>
        DepartmentCall("AddProgress", new AddProgressRequest { TicketId = ticketId, Content = content });

    public Task<GrpcReply<Ticket>> ResolveAsync(string ticketId) =>
        DepartmentCall("ResolveTicket", new ResolveTicketRequest { TicketId = ticketId, Reply = "已处理" });

    public Task<GrpcReply<FindSimilarTicketsResponse>> SimilarAsync(string content) =>
        client.UnaryAsync(GrpcTestClient.HotlineDesk, "FindSimilarTickets", new FindSimilarTicketsRequest { Content = content }, FindSimilarTicketsResponse.Parser, tokens.Agent);

    public GrpcStream<TicketEvent> Watch(CancellationToken cancellationToken) =>
        client.Stream(GrpcTestClient.DepartmentDesk, "WatchTickets", new WatchTicketsRequest(), TicketEvent.Parser, tokens.Department, cancellationToken);

    /// <summary>Supervision.WatchDeadlineAlarms as the supervisor, from the first alarm kept.</summary>
    public GrpcStream<TicketEvent> WatchDeadlineAlarms(CancellationToken cancellationToken) =>
        client.Stream(GrpcTestClient.Supervision, "WatchDeadlineAlarms", new WatchDeadlineAlarmsRequest(), TicketEvent.Parser, tokens.Supervisor, cancellationToken);

    private Task<GrpcReply<Ticket>> Hotline(string method, Google.Protobuf.IMessage request) =>
        client.UnaryAsync(GrpcTestClient.HotlineDesk, method, request, Ticket.Parser, tokens.Agent);

    private Task<GrpcReply<Ticket>> DepartmentCall(string method, Google.Protobuf.IMessage request) =>
        client.UnaryAsync(GrpcTestClient.DepartmentDesk, method, request, Ticket.Parser, tokens.Department);
}
